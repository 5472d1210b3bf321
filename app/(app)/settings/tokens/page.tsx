import type { Metadata } from "next";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { OrgTime } from "@/components/org-time";
import { SettingsNav } from "@/components/settings/settings-nav";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { TokenCreateForm } from "@/components/tokens/token-create-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getSettings } from "@/lib/server/settings";
import { listApiTokens } from "@/lib/server/api-tokens";

export const metadata: Metadata = { title: "API tokens" };

function status(t: { revoked: boolean; active: boolean }) {
  if (t.revoked) return <span className="badge badge-danger">revoked</span>;
  if (!t.active) return <span className="badge badge-warning">expired</span>;
  return <span className="badge badge-success">active</span>;
}

export default async function TokensPage() {
  await requirePageActor();
  const [tokens, settings] = await Promise.all([listApiTokens(), getSettings()]);
  const tz = settings.timeZone;

  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            For scripts and integrations: send <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1/…</code>. A token acts with the role it was given, never more than its owner&apos;s current role.
          </>
        }
        crumbs={[{ href: "/settings", label: "Settings" }]}
      />
      <SettingsNav current="tokens" isAdmin />
      <section className="card">
        <h2 id="new-token-heading">Create a token</h2>
        <TokenCreateForm />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" style={{ marginBottom: "0.75rem" }}>Tokens</h2>
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one above for each script or integration, so each can be revoked on its own.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created ({tz})</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className={t.revoked ? "row-archived" : undefined}>
                    <td className="cell-title">
                      <strong>{t.name}</strong>
                      <span className="inherited">by {t.createdBy}</span>
                    </td>
                    <td><code>{t.prefix}…</code></td>
                    <td>
                      <span className={`badge badge-role-${t.role}`}>{t.role}</span>
                      {t.effectiveRole !== t.role && <span className="inherited">acts as {t.effectiveRole}: its owner is now {t.effectiveRole}</span>}
                    </td>
                    <td>{status(t)}</td>
                    <td className="nowrap"><OrgTime iso={t.createdAt} timeZone={tz} /></td>
                    <td className="nowrap">{t.lastUsedAt ? <OrgTime iso={t.lastUsedAt} timeZone={tz} /> : <span className="muted">never</span>}</td>
                    <td className="nowrap">{t.expiresAt ? <OrgTime iso={t.expiresAt} timeZone={tz} /> : <span className="muted">never</span>}</td>
                    <td className="actions">{!t.revoked && <RevokeTokenButton id={t.id} name={t.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
