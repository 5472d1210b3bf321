import Link from "next/link";

// Rendered when a page calls forbidden() (requirePageActor with too low a role). No client
// components here: Next ships this file with every route.
export default function Forbidden() {
  return (
    <div className="standalone">
      <div className="standalone-card">
        <p className="eyebrow">403</p>
        <h1>Your role does not allow this page</h1>
        <p>
          This page is for a higher role (editors or admins). Ask an admin of your Nines to change your role under
          Settings → Users if you need it.
        </p>
        <div className="button-row">
          <Link className="btn btn-primary" href="/">
            Go to overview
          </Link>
          <Link className="btn btn-secondary" href="/settings">
            Settings
          </Link>
        </div>
      </div>
    </div>
  );
}
