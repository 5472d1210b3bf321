import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { NoServicesYet } from "@/components/services/no-services-yet";
import { formatPercent, formatWindow } from "@/components/format";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { listIncidents } from "@/lib/server/incidents-read";
import { listServices } from "@/lib/server/services";
import { listTiers } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requirePageActor();
  const [tiers, services, ongoing] = await Promise.all([listTiers(), listServices(), listIncidents({ status: "open", limit: 200 })]);
  const canEdit = roleAllows(actor.role, "editor");
  const withoutOwner = services.filter((s) => !s.owner).length;
  const overriding = services.filter((s) => s.overrides.sloTarget !== null).length;

  return (
    <>
      <PageHeader title="Overview" description={`Welcome, ${actor.name}. What Nines knows about your services today.`} />

      <div className="notice" role="note">
        <div>
          <strong>Availability and error-budget pages are on their way.</strong>{" "}
          <span className="muted">
            The server already computes them for scripts (<code>GET /api/v1/availability</code>); the charts and the
            incident pages arrive with a later issue. Until then this page shows what is configured: services, their
            tiers and SLO targets.
          </span>
        </div>
      </div>

      {ongoing.incidents.length > 0 && (
        <section className="ongoing-banner" aria-labelledby="ongoing-heading">
          <h2 id="ongoing-heading">
            <span className="live">{ongoing.incidents.length} ongoing incident{ongoing.incidents.length === 1 ? "" : "s"}</span>
          </h2>
          <ul className="plain-list">
            {ongoing.incidents.slice(0, 5).map((i) => (
              <li key={i.id}>
                <Link href={`/incidents/${i.reference}`}>{i.reference} · {i.title}</Link> <span className="muted">({i.severity}, {i.impacts.map((x) => x.service).join(", ")})</span>
              </li>
            ))}
          </ul>
          {ongoing.incidents.length > 5 && <Link href="/incidents?status=open">All {ongoing.incidents.length} ongoing incidents</Link>}
        </section>
      )}

      <section aria-labelledby="numbers-heading">
        <h2 id="numbers-heading" className="visually-hidden">Key numbers</h2>
        <div className="card-grid">
          <Link href="/incidents?status=open" className="card stat">
            <span className="stat-label">Ongoing incidents</span>
            <span className="stat-value">{ongoing.incidents.length}</span>
            <span className="stat-meta">{ongoing.incidents.length ? "being worked on now" : "nothing is down"}</span>
          </Link>
          <Link href="/services" className="card stat">
            <span className="stat-label">Active services</span>
            <span className="stat-value">{services.length}</span>
            <span className="stat-meta">across {tiers.length} tiers</span>
          </Link>
          <Link href="/settings/tiers" className="card stat">
            <span className="stat-label">Tiers</span>
            <span className="stat-value">{tiers.length}</span>
            <span className="stat-meta">criticality classes with default SLOs</span>
          </Link>
          <div className="card stat">
            <span className="stat-label">Own SLO target</span>
            <span className="stat-value">{overriding}</span>
            <span className="stat-meta">services override their tier</span>
          </div>
          <div className="card stat">
            <span className="stat-label">Without an owner team</span>
            <span className="stat-value">{withoutOwner}</span>
            <span className="stat-meta">{withoutOwner ? "someone should own these" : "every service has an owner"}</span>
          </div>
        </div>
      </section>

      <section aria-labelledby="tiers-heading">
        <div className="section-head">
          <h2 id="tiers-heading">Services per tier</h2>
          <Link href="/settings/tiers">Manage tiers</Link>
        </div>
        {tiers.length === 0 ? (
          <EmptyState title="No tiers yet" action={<Link className="btn btn-primary" href="/settings/tiers">Set up tiers</Link>}>
            Tiers say how critical a service is and give it a default SLO target. Create at least one before adding services.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Tier</th>
                  <th scope="col" className="num">Default target</th>
                  <th scope="col">Window</th>
                  <th scope="col" className="num">Active services</th>
                </tr>
              </thead>
              <tbody>
                {tiers.map((tier) => (
                  <tr key={tier.id}>
                    <td className="cell-title">
                      <Link href={`/services?tier=${tier.rank}`}>
                        Tier {tier.rank} · {tier.name}
                      </Link>
                      {tier.description && <span className="inherited">{tier.description}</span>}
                    </td>
                    <td className="num">{formatPercent(tier.sloTarget)}</td>
                    <td>{formatWindow(tier.sloWindow)}</td>
                    <td className="num">{tier.activeServiceCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {services.length === 0 && tiers.length > 0 && (
        <section aria-label="Next step">
          <NoServicesYet canEdit={canEdit} />
        </section>
      )}
    </>
  );
}
