import type { Metadata } from "next";
import { PageHeader } from "@/components/feedback/page-header";
import { OrgTime } from "@/components/org-time";
import { SettingsNav } from "@/components/settings/settings-nav";
import { UserCreateForm } from "@/components/users/user-create-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getSettings } from "@/lib/server/settings";
import { listUsers } from "@/lib/server/users";
import type { UserDto } from "@/lib/dto/users";

export const metadata: Metadata = { title: "Users" };

/** How an account signs in: a password, the identity provider (OpenID Connect), or either. */
function signsInWith(u: UserDto): string {
  if (u.identityProvider && u.localPassword) return "Identity provider or password";
  if (u.identityProvider) return "Identity provider";
  return u.localPassword ? "Password" : "No way yet (set a password)";
}

export default async function UsersPage() {
  const actor = await requirePageActor();
  const [users, settings] = await Promise.all([listUsers(), getSettings()]);

  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in. Viewers read, editors also change services, incidents and risks, admins also manage settings."
        crumbs={[{ href: "/settings", label: "Settings" }]}
      />
      <SettingsNav current="users" isAdmin />
      <div className="table-wrap">
        <table className="table">
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
                <td>{u.email}</td>
                <td>{u.disabled ? <span className="badge badge-danger">disabled</span> : <span className="badge badge-success">active</span>}</td>
                <td>{signsInWith(u)}</td>
                <td className="nowrap"><OrgTime iso={u.createdAt} timeZone={settings.timeZone} /></td>
                <td>
                  <UserRowActions user={u} isSelf={u.id === actor.userId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card">
        <h2 id="new-user-heading">Add a user</h2>
        <UserCreateForm />
      </section>
    </>
  );
}
