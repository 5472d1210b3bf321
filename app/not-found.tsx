import Link from "next/link";

export default function NotFound() {
  return (
    <div className="standalone">
      <div className="standalone-card">
        <p className="eyebrow">404</p>
        <h1>Page not found</h1>
        <p>The address may be mistyped, or the thing it pointed to was renamed.</p>
        <div className="button-row">
          <Link className="btn btn-primary" href="/">
            Go to overview
          </Link>
          <Link className="btn btn-secondary" href="/services">
            Browse services
          </Link>
        </div>
      </div>
    </div>
  );
}
