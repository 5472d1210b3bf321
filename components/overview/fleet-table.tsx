import Link from "next/link";
import { TrendSparkline } from "@/components/charts/trend-sparkline";
import { budgetLeftText, formatBurnRate, formatCount, formatPercent, formatWindow } from "@/components/format";
import { BURN_STATE_LABELS } from "@/lib/domain/burn-state";
import { isServiceFailure } from "@/lib/dto/availability";
import type { OverviewRow } from "@/lib/dto/overview";
import { BudgetBar } from "./budget-bar";
import { StateBadge } from "./state-counts";

/** A service's other SLOs in a line: how many, and the most pressing one (the rest a click away, on the service's page). */
function OtherSlos({ slug, name, other }: { slug: string; name: string; other: OverviewRow["otherSlos"] }) {
  const w = other.worst;
  const more = other.total === 1 ? "1 more SLO" : `${formatCount(other.total)} more SLOs`;
  return (
    <Link prefetch={false} href={`/services/${slug}#slos-heading`} className="inherited other-slos-link">
      {more}
      <span className="visually-hidden"> of {name}</span>
      {w && (
        <>
          {": "}
          {w.name} {w.remainingRatio === null ? "no data yet" : budgetLeftText(w.remainingRatio)}
          {w.burnState && w.burnState !== "ok" && `, ${BURN_STATE_LABELS[w.burnState].toLowerCase()}`}
        </>
      )}
    </Link>
  );
}

/** The fleet, a page at a time: each service's figures in its own SLO window, as of one instant. */
export function FleetTable({ rows, caption }: { rows: OverviewRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table fleet-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">State</th>
            <th scope="col" className="num">Availability</th>
            <th scope="col">Error budget</th>
            <th scope="col" className="num">Burn 1h</th>
            <th scope="col" className="num">6h</th>
            <th scope="col" className="num">1d</th>
            <th scope="col">26 weeks</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ summary, state, ongoing, ongoingTotal, trend, otherSlos }) => {
            const svc = summary.service;
            return (
              <tr key={svc.slug} className={ongoingTotal ? "row-ongoing" : undefined}>
                <td className="cell-title">
                  <Link prefetch={false} href={`/services/${svc.slug}`}>{svc.name}</Link>
                  <span className="inherited">Tier {svc.tier.rank} · {svc.tier.name}{isServiceFailure(summary) ? "" : ` · ${formatWindow(summary.slo.window).toLowerCase()}`}</span>
                  {ongoing.map((i) => (
                    <Link key={i.reference} href={`/incidents/${i.reference}`} prefetch={false} className="ongoing-link">
                      <span className="live">{i.reference}</span> {i.title}
                    </Link>
                  ))}
                  {ongoingTotal > ongoing.length && (
                    <Link prefetch={false} href={`/incidents?status=open&service=${encodeURIComponent(svc.slug)}`} className="ongoing-link">
                      +{formatCount(ongoingTotal - ongoing.length)} more ongoing <span className="visually-hidden">on {svc.name}</span>
                    </Link>
                  )}
                  {otherSlos.total > 0 && <OtherSlos slug={svc.slug} name={svc.name} other={otherSlos} />}
                </td>
                {isServiceFailure(summary) ? (
                  <td colSpan={7}>
                    <StateBadge state="failed" /> <span className="muted">{summary.error.message}</span>
                  </td>
                ) : summary.errorBudget === null || summary.availability === null ? (
                  <td colSpan={7} className="muted">No data: nothing in this window is measured yet.</td>
                ) : (
                  <>
                    <td>
                      <StateBadge state={state} />
                      {summary.errorBudget.burnRule && <span className="inherited">{BURN_STATE_LABELS[summary.errorBudget.burnState]}: over {summary.errorBudget.burnRule.long} and {summary.errorBudget.burnRule.short}</span>}
                    </td>
                    <td className="num">
                      {formatPercent(summary.availability, 3)}
                      <span className={`inherited ${summary.metTarget ? "" : "text-danger"}`}>
                        {summary.metTarget ? "✓ meets" : "✗ below"} {formatPercent(summary.slo.target)}
                      </span>
                    </td>
                    <td>
                      <BudgetBar remainingRatio={summary.errorBudget.remainingRatio} remainingSeconds={summary.errorBudget.remainingSeconds} state={summary.errorBudget.state} />
                    </td>
                    <td className="num">{formatBurnRate(summary.errorBudget.burnRates["1h"])}</td>
                    <td className="num">{formatBurnRate(summary.errorBudget.burnRates["6h"])}</td>
                    <td className="num">{formatBurnRate(summary.errorBudget.burnRates["1d"])}</td>
                    <td>{trend ? <TrendSparkline entries={trend} target={summary.slo.target} label={`${svc.name}, 26 weeks`} /> : <span className="muted">—</span>}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
