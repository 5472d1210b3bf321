import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { formatMaintenance, formatPercent, formatWindow } from "@/components/format";
import { SettingsNav } from "@/components/settings/settings-nav";
import { TierForm } from "@/components/tiers/tier-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { listTiers } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "Tiers" };

export default async function TiersPage() {
  const actor = await requirePageActor();
  const tiers = await listTiers({ includeArchived: true });
  const isAdmin = roleAllows(actor.role, "admin");
  const nextRank = Math.min(99, Math.max(0, ...tiers.map((t) => t.rank)) + 1);

  return (
    <>
      <PageHeader
        title="Tiers"
        description="How critical a service is. Each tier gives its services a default SLO target, window and maintenance rule; a service may override them."
        crumbs={[{ href: "/settings", label: "Settings" }]}
      />
      <SettingsNav current="tiers" isAdmin={isAdmin} />
      {tiers.length === 0 ? (
        <EmptyState title="No tiers yet">
          {isAdmin ? "Create your first tier below; rank 1 is the most critical." : "An admin creates tiers; ask one to set them up."}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Tiers by rank</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Rank</th>
                <th scope="col">Name</th>
                <th scope="col" className="num">Default target</th>
                <th scope="col">Window</th>
                <th scope="col">Maintenance</th>
                <th scope="col" className="num">Active services</th>
                {isAdmin && <th scope="col"><span className="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {tiers.map((tier) => (
                <tr key={tier.id} className={tier.archived ? "row-archived" : undefined}>
                  <td className="num">{tier.rank}</td>
                  <td className="cell-title">
                    <strong id={`tier-${tier.id}-name`}>{tier.name}</strong> {tier.archived && <span className="badge">archived</span>}
                    {tier.description && <span className="inherited">{tier.description}</span>}
                  </td>
                  <td className="num">{formatPercent(tier.sloTarget)}</td>
                  <td className="nowrap">{formatWindow(tier.sloWindow)}</td>
                  <td className="nowrap">{formatMaintenance(tier.maintenance)}</td>
                  <td className="num">
                    {tier.activeServiceCount > 0 ? <Link href={`/services?tier=${tier.rank}`}>{tier.activeServiceCount}</Link> : 0}
                  </td>
                  {isAdmin && (
                    <td className="actions">
                      <Link className="btn btn-secondary btn-small" href={`/settings/tiers/${tier.id}`} aria-describedby={`tier-${tier.id}-name`}>
                        Edit
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isAdmin ? (
        <section className="card">
          <h2 id="new-tier-heading">New tier</h2>
          <TierForm suggestedRank={nextRank} />
        </section>
      ) : (
        <p className="muted">Only admins can create or change tiers.</p>
      )}
    </>
  );
}
