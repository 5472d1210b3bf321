import Link from "next/link";
import { TrendSparkline } from "@/components/charts/trend-sparkline";
import { budgetLeftText, describeWindowLabel, formatBurnRate, formatDateTime, formatPercent, tierLabel } from "@/components/format";
import { BudgetBar } from "@/components/overview/budget-bar";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReviewServiceDto } from "@/lib/dto/reviews";
import type { DiscussionReason } from "@/lib/domain/review-discussion";
import { formatDuration } from "@/lib/domain/format";
import { BURN_STATE_LABELS } from "@/lib/domain/burn-state";
import { WeekChanges } from "./review-policy";

/** The instants the figures are as of: the week's, and the SLO window's (at most the week's end). */
export type ReviewAsOf = { week: string; slo: string; timeZone: string };

/** Logged against measured over the week, in words: where the SLO and the incident record disagree. */
function Beside({ beside }: { beside: NonNullable<ReviewServiceDto["slos"][number]["beside"]> }) {
  const { measuredOnlySeconds: measured, incidentOnlySeconds: logged, unknownSeconds } = beside;
  if (measured === 0 && logged === 0) return <span className="muted"> · agrees with the incident record{unknownSeconds > 0 ? ` where measured (${formatDuration(unknownSeconds)} unmeasured)` : ""}</span>;
  return (
    <span className="review-beside">
      {" · "}
      {measured > 0 && <span className="text-danger">{formatDuration(measured)} seen bad with no incident</span>}
      {measured > 0 && logged > 0 && "; "}
      {logged > 0 && <span>{formatDuration(logged)} of incident time seen good</span>}
    </span>
  );
}

/** A service's other SLOs under its name: each one's week against its target, and its own window's budget left. */
function OtherSlos({ slos }: { slos: ReviewServiceDto["slos"] }) {
  if (slos.length === 0) return null;
  return (
    <ul className="plain-list small review-slos" aria-label="Its other SLOs">
      {slos.map((o) => (
        <li key={o.id}>
          <strong>{o.name}</strong>:{" "}
          {o.week.sli === null ? <span className="muted">no data this week</span> : <>{formatPercent(o.week.sli, 3)} <span className={o.week.metTarget ? "muted" : "text-danger"}>(target {formatPercent(o.target)}: {o.week.metTarget ? "met" : "missed"})</span></>}
          {o.sloWindow.remainingRatio !== null && <span className={o.sloWindow.remainingRatio < 0 ? "text-danger" : "muted"}> · budget {budgetLeftText(o.sloWindow.remainingRatio)}</span>}
          {o.sloWindow.burnState && o.sloWindow.burnState !== "ok" && <span className="text-danger"> · {BURN_STATE_LABELS[o.sloWindow.burnState].toLowerCase()}</span>}
          {o.beside && <Beside beside={o.beside} />}
        </li>
      ))}
    </ul>
  );
}

/** Why a row is up for discussion, in words (never colour alone). */
function Reasons({ reasons }: { reasons: readonly DiscussionReason[] | undefined }) {
  if (!reasons?.length) return null;
  return (
    <ul className="discussion-reasons" aria-label="Why it needs discussion">
      {reasons.map((r) => <li key={r.kind} className={`reason reason-${r.kind}`}>{r.text}</li>)}
    </ul>
  );
}

/**
 * Per service, grouped by tier: the week against target, the SLO window's budget, what moved;
 * with `reasons`, each row says why it is up for discussion. Two budgets meet in a row (the SLO
 * window's and the week's), so every share says whose it is.
 */
export function ReviewServices({ services, changed, reasons, asOf }: { services: ReviewServiceDto[]; changed: Set<string>; reasons?: ReadonlyMap<string, readonly DiscussionReason[]>; asOf?: ReviewAsOf }) {
  const tiers = [...new Map(services.map((s) => [s.tier.rank, s.tier])).values()].sort((a, b) => a.rank - b.rank);
  if (services.length === 0) return <p className="muted">No active services in this view.</p>;
  const at = (iso: string) => (asOf ? `${formatDateTime(iso, asOf.timeZone)} ${asOf.timeZone}` : "");
  return (
    <>
      {asOf && (
        <p className="muted small review-as-of">
          This week&apos;s figures as of {at(asOf.week)}; the SLO window&apos;s (budget left, share spent, burn rates) as of {at(asOf.slo)}.
        </p>
      )}
      {tiers.map((tier) => {
        const rows = services.filter((s) => s.tier.rank === tier.rank);
        return (
          <div key={tier.rank} className="review-tier">
            <h3>
              {tierLabel(tier)} <span className="count">{rows.length}</span>
            </h3>
            <div className="table-wrap">
              <table className="table review-table">
                <caption className="visually-hidden">{tierLabel(tier)}: each service&apos;s week, SLO window and trend</caption>
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col">This week</th>
                    <th scope="col">SLO window: budget left</th>
                    <th scope="col" className="num">Spent this week{" "}<span className="th-note">of the SLO window&apos;s budget</span></th>
                    <th scope="col" className="num">Burn 1h · 6h · 1d</th>
                    <th scope="col">12 weeks</th>
                    <th scope="col">Incidents this week</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => {
                    const w = s.week;
                    const slo = s.sloWindow;
                    if (isServiceFailure(w) || isServiceFailure(slo)) {
                      const e = isServiceFailure(w) ? w.error : isServiceFailure(slo) ? slo.error : null;
                      return (
                        <tr key={s.slug}>
                          <td className="cell-title"><Link href={`/services/${s.slug}`} prefetch={false}>{s.name}</Link><Reasons reasons={reasons?.get(s.slug)} /><WeekChanges count={s.changeCount} /></td>
                          <td colSpan={6} className="text-danger" data-label="Figures">Could not compute ({e?.message}; reference {e?.reference})</td>
                        </tr>
                      );
                    }
                    if (w.availability === null || slo.errorBudget === null || slo.availability === null) {
                      return (
                        <tr key={s.slug}>
                          <td className="cell-title"><Link href={`/services/${s.slug}`} prefetch={false}>{s.name}</Link><WeekChanges count={s.changeCount} /></td>
                          <td colSpan={6} className="muted" data-testid="no-data">No data: this week lies before the service was measured.</td>
                        </tr>
                      );
                    }
                    return (
                      <tr key={s.slug} className={w.metTarget ? undefined : "row-missed"}>
                        <td className="cell-title">
                          <Link href={`/services/${s.slug}?window=week:${w.window.label.replace("week:", "")}`} prefetch={false}>{s.name}</Link>
                          {changed.has(s.slug) && !reasons && <span className="badge badge-warning">changed since the review</span>}
                          <Reasons reasons={reasons?.get(s.slug)} />
                          <OtherSlos slos={s.slos} />
                          <WeekChanges count={s.changeCount} />
                        </td>
                        <td className="cell-week" data-label="This week">
                          <span className="num-inline">{formatPercent(w.availability, 3)}</span>{" "}
                          <span className={w.metTarget ? "badge badge-success" : "badge badge-danger"}>{w.metTarget ? "met" : "missed"}</span>
                          <div className="muted small">target {formatPercent(w.slo.target)} · down {formatDuration(w.downtimeSeconds)}</div>
                        </td>
                        <td data-label="SLO window: budget left">
                          <BudgetBar remainingRatio={slo.errorBudget.remainingRatio} remainingSeconds={slo.errorBudget.remainingSeconds} state={slo.errorBudget.state} />
                          <div className="muted small">{formatPercent(slo.availability, 3)} over {describeWindowLabel(slo.window.label)}</div>
                        </td>
                        <td className="num" data-label="Spent this week">{s.weekSpend ? <>{formatPercent(s.weekSpend.shareOfBudget, 1)}<div className="muted small">{formatDuration(s.weekSpend.seconds)}</div></> : "—"}</td>
                        <td className="num cell-burn" data-label="Burn 1h · 6h · 1d">
                          {/* Each rate whole, the three free to wrap: "5000× · 963× · 241×" on one line would widen the table past 1280 px. */}
                          <span className="nowrap">{formatBurnRate(slo.errorBudget.burnRates["1h"])} ·</span> <span className="nowrap">{formatBurnRate(slo.errorBudget.burnRates["6h"])} ·</span> <span className="nowrap">{formatBurnRate(slo.errorBudget.burnRates["1d"])}</span>
                        </td>
                        <td data-label="12 weeks"><TrendSparkline entries={s.trend ?? []} target={w.slo.target} label={`${s.name}, last 12 weeks`} /></td>
                        <td className="cell-incidents" data-label="Incidents this week">
                          {w.incidents.length === 0 ? (
                            <span className="muted">none</span>
                          ) : (
                            <ul className="plain-list">
                              {w.incidents.slice(0, 3).map((i) => (
                                <li key={i.id}>
                                  {i.reference ? <Link href={`/incidents/${i.reference}`} prefetch={false}>{i.reference}</Link> : "maintenance"} <span className="num-inline">{formatDuration(i.downtimeSeconds)}</span> <span className="muted">{formatPercent(i.budgetShare, 1)} of the week&apos;s budget</span>
                                </li>
                              ))}
                              {w.incidents.length > 3 && <li className="muted">and {w.incidents.length - 3} more</li>}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </>
  );
}
