import type { Metadata } from "next";
import { PageHeader } from "@/components/feedback/page-header";
import { OrgTime } from "@/components/org-time";
import { SettingsNav } from "@/components/settings/settings-nav";
import { UserCreateForm } from "@/components/users/user-create-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { currentSignInConfig } from "@/lib/server/auth/oidc-config";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getSettings } from "@/lib/server/settings";
import { listUsers } from "@/lib/server/users";
import type { UserDto } from "@/lib/dto/users";

export const metadata: Metadata = { title: "Users" };

/**
 * How an account signs in, and whether it has a local password: the first line is the way in,
 * the second what an admin may need to know (no password, or no way in at all).
 */
function signsInWith(u: UserDto, provider: string | null): [string, string | null] {
  if (u.identityProvider && u.localPassword) return ["Identity provider or password", null];
  if (u.identityProvider) return ["Identity provider", "No local password"];
  if (u.localPassword) return ["Password", null];
  return provider ? [`${provider}, not signed in yet`, "No local password; linked at the first sign-in, by verified e-mail"] : ["No way in yet", "No local password: set one, or configure an identity provider"];
}

export default async function UsersPage() {
  const actor = await requirePageActor();
  const [users, settings, signIn] = await Promise.all([listUsers(), getSettings(), currentSignInConfig()]);
  const provider = signIn.oidc?.displayName ?? null;

  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in. Viewers read, editors also change services, incidents and risks, admins also manage settings."
        crumbs={[{ href: "/settings", label: "Settings" }]}
      />
      <SettingsNav current="users" isAdmin />
      <div className="table-wrap">
        <table className="table table-stacked">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Signs in with</th>
              <th scope="col">Added ({settings.timeZone})</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.disabled ? "row-archived" : undefined}>
                <td className="cell-title">
                  <strong>{u.name}</strong> {u.id === actor.userId && <span className="badge">you</span>}
                </td>
                <td data-label="Email">{u.email}</td>
                <td data-label="Status">{u.disabled ? <span className="badge badge-danger">disabled</span> : <span className="badge badge-success">active</span>}</td>
                <td data-label="Signs in with">
                  <SignsInWith lines={signsInWith(u, provider)} />
                </td>
                <td className="nowrap" data-label={`Added (${settings.timeZone})`}><OrgTime iso={u.createdAt} timeZone={settings.timeZone} /></td>
                <td data-label="Role">
                  <UserRowActions user={u} isSelf={u.id === actor.userId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card">
        <h2 id="new-user-heading">Add a user</h2>
        <UserCreateForm provider={provider} />
      </section>
    </>
  );
}

function SignsInWith({ lines: [way, note] }: { lines: [string, string | null] }) {
  return (
    <>
      {way}
      {note && <span className="cell-sub">{note}</span>}
    </>
  );
}
