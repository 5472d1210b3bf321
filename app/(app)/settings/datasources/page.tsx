import type { Metadata } from "next";
import { DatasourceForm } from "@/components/datasources/datasource-form";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { OrgTime } from "@/components/org-time";
import { SettingsNav } from "@/components/settings/settings-nav";
import { TableScroll } from "@/components/ui/table-scroll";
import type { DatasourceDto } from "@/lib/dto/datasources";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { listDatasources } from "@/lib/server/datasources";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Datasources" };

const STATE: Record<DatasourceDto["state"], { label: string; badge: string }> = {
  up: { label: "Answering", badge: "badge-success" },
  down: { label: "Not answering", badge: "badge-danger" },
  unknown: { label: "Not asked yet", badge: "" },
};

export default async function DatasourcesPage() {
  const actor = await requirePageActor();
  const isAdmin = roleAllows(actor.role, "admin");
  const [datasources, settings] = await Promise.all([listDatasources(), getSettings()]);
  const tz = settings.timeZone;
  return (
    <>
      <PageHeader
        title="Datasources"
        description="The Prometheus servers measured SLOs read from. Nines reads each SLO's queries every minute and keeps the answers itself, so an SLO's history outlives Prometheus's retention."
        crumbs={[{ href: "/settings", label: "Settings" }]}
      />
      <SettingsNav current="datasources" isAdmin={isAdmin} />
      {datasources.length === 0 ? (
        <EmptyState title="No datasources yet">{isAdmin ? "Add your Prometheus below; then SLOs can be measured from its metrics." : "An admin adds Prometheus servers here; ask one to add yours."}</EmptyState>
      ) : (
        <TableScroll label="Datasources">
          <table className="table">
            <caption className="visually-hidden">Datasources and whether each answers</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">State</th>
                <th scope="col">Last answered</th>
                <th scope="col" className="num">SLOs</th>
              </tr>
            </thead>
            <tbody>
              {datasources.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="cell-title">
                    <strong>{d.name}</strong>
                    <span className="inherited"><code>{d.url}</code>{d.auth !== "none" && ` · ${d.auth === "bearer" ? "bearer token" : `basic auth as ${d.username}`}`}</span>
                  </th>
                  <td>
                    <span className={`badge ${STATE[d.state].badge}`}>{STATE[d.state].label}</span>
                    {d.lastError && (
                      <span className="inherited text-warning">
                        {d.lastError}
                        {d.lastErrorAt && <> (<OrgTime iso={d.lastErrorAt} timeZone={tz} showZone />)</>}
                      </span>
                    )}
                  </td>
                  <td>{d.lastOkAt ? <OrgTime iso={d.lastOkAt} timeZone={tz} showZone /> : <span className="muted">never</span>}</td>
                  <td className="num">{d.sloCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {isAdmin ? (
        <section className="card" aria-labelledby="new-datasource-heading">
          <h2 id="new-datasource-heading">Add a Prometheus</h2>
          <DatasourceForm />
        </section>
      ) : (
        <p className="muted">Only admins can add or change datasources.</p>
      )}
    </>
  );
}
