/**
 * MTTD / MTTA / MTTR / MTBF for one service, unplanned incidents only (docs/domain.md "MTTx").
 *
 * Incident durations are heavy-tailed, so every metric carries median and p90 beside the mean,
 * and the number of incidents left out for a missing (or out-of-order) milestone.
 */

import { sortSmall } from "./sort-small";
import type { ImpactKind } from "./timeline";

export interface IncidentTimes {
  readonly incidentId: string;
  readonly kind: ImpactKind;
  readonly startedAt: number;
  readonly detectedAt: number | null;
  readonly acknowledgedAt: number | null;
  readonly resolvedAt: number | null;
}

export interface DurationStats {
  /** Incidents (or, for MTBF, gaps between consecutive starts) that entered the figures. */
  readonly count: number;
  /** Incidents left out: a milestone missing, or earlier than the one it is measured from. */
  readonly excluded: number;
  readonly meanSeconds: number | null;
  readonly medianSeconds: number | null;
  readonly p90Seconds: number | null;
}

export interface IncidentMetrics {
  /** Unplanned incidents considered (after the optional window filter and de-duplication). */
  readonly incidentCount: number;
  readonly mttd: DurationStats;
  readonly mtta: DurationStats;
  readonly mttr: DurationStats;
  readonly mtbf: DurationStats;
}

/**
 * Median: the middle value, or the mean of the two middle values for an even count.
 * p90: nearest rank — the ceil(0.9 × n)-th smallest value — so it is always a duration that
 * actually happened (with fewer than 10 incidents it is the maximum).
 */
export function durationStats(seconds: readonly number[], excluded = 0): DurationStats {
  return statsOfOwned([...seconds], excluded, 1);
}

/**
 * durationStats on an array the caller hands over (sorted in place, no copy), in units of
 * `perSecond`. Milestones are whole milliseconds, so sums and middles are taken in ms, exactly,
 * and divided once: a mean of 419.7711 s, not 419.77110000000005.
 */
function statsOfOwned(values: number[], excluded: number, perSecond: number): DurationStats {
  const n = values.length;
  if (n === 0) return { count: 0, excluded, meanSeconds: null, medianSeconds: null, p90Seconds: null };
  const sorted = sortSmall(values, (a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  const at = (i: number): number => sorted[i] as number;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return {
    count: n,
    excluded,
    meanSeconds: sum / n / perSecond,
    medianSeconds: median / perSecond,
    p90Seconds: at(Math.ceil(0.9 * n) - 1) / perSecond,
  };
}

/** Milliseconds from one milestone to a later one, for each incident that has both in order. */
class Durations {
  readonly values: number[] = [];
  excluded = 0;

  add(from: number | null, to: number | null): void {
    // A milestone before the one it is measured from is a data error, not a negative duration.
    if (from === null || to === null || !(to >= from)) this.excluded++;
    else this.values.push(to - from);
  }

  stats(): DurationStats {
    return statsOfOwned(this.values, this.excluded, 1000);
  }
}

/**
 * One entry per incident id, the last given, at the place of the first. A service has a handful
 * of incidents in a window and is summarised by the thousand, so short lists skip the Map.
 */
function lastPerId<T extends IncidentTimes>(incidents: T[]): T[] {
  if (incidents.length > 16) return [...new Map(incidents.map((i) => [i.incidentId, i])).values()];
  const out: T[] = [];
  for (const incident of incidents) {
    const at = out.findIndex((o) => o.incidentId === incident.incidentId);
    if (at === -1) out.push(incident);
    else out[at] = incident;
  }
  return out;
}

/** The unplanned incidents that started in `window` (all without one), one per id, oldest first. */
function unplannedIn<T extends IncidentTimes>(incidents: readonly T[], window?: { readonly from: number; readonly to: number }): T[] {
  const kept: T[] = [];
  for (const incident of incidents) {
    if (incident.kind !== "unplanned") continue;
    if (window !== undefined && !(incident.startedAt >= window.from && incident.startedAt < window.to)) continue;
    kept.push(incident);
  }
  return sortSmall(lastPerId(kept), (a, b) => a.startedAt - b.startedAt);
}

/**
 * `window` (optional) keeps incidents that started in [from, to). Ongoing incidents are left out
 * of MTTR (counted in `excluded`) because their repair time is not known yet.
 */
export function computeIncidentMetrics(
  incidents: readonly IncidentTimes[],
  window?: { readonly from: number; readonly to: number },
): IncidentMetrics {
  const unplanned = unplannedIn(incidents, window);

  const mttd = new Durations();
  const mtta = new Durations();
  const mttr = new Durations();
  const gaps: number[] = [];
  let previous: IncidentTimes | undefined;
  for (const incident of unplanned) {
    mttd.add(incident.startedAt, incident.detectedAt);
    mtta.add(incident.detectedAt, incident.acknowledgedAt);
    mttr.add(incident.startedAt, incident.resolvedAt);
    if (previous) gaps.push(incident.startedAt - previous.startedAt);
    previous = incident;
  }

  return {
    incidentCount: unplanned.length,
    mttd: mttd.stats(),
    mtta: mtta.stats(),
    mttr: mttr.stats(),
    mtbf: statsOfOwned(gaps, 0, 1000),
  };
}

/**
 * One incident's own times, in seconds, by the same rules as the means above: detect = start →
 * detected, acknowledge = detected → acknowledged, repair = start → resolved; null when a
 * milestone is missing or out of order.
 */
export function incidentDurations(i: Omit<IncidentTimes, "incidentId" | "kind">): { ttdSeconds: number | null; ttaSeconds: number | null; ttrSeconds: number | null } {
  const span = (from: number | null, to: number | null) => (from === null || to === null || !(to >= from) ? null : (to - from) / 1000);
  return { ttdSeconds: span(i.startedAt, i.detectedAt), ttaSeconds: span(i.detectedAt, i.acknowledgedAt), ttrSeconds: span(i.startedAt, i.resolvedAt) };
}

export interface IncidentMilestones extends IncidentTimes {
  readonly mitigatedAt: number | null;
}

/** Mean times to detect, acknowledge, mitigate and resolve: a period report's trend, per sub-period. */
export interface MttxFigures {
  readonly incidentCount: number;
  readonly mttd: DurationStats;
  readonly mtta: DurationStats;
  /** start → mitigated: how long people were hurt before the harm stopped, repair or not. */
  readonly mttm: DurationStats;
  readonly mttr: DurationStats;
}

/**
 * MTTD, MTTA and MTTR by the rules of computeIncidentMetrics (the same incidents, the same
 * milestones), with MTTM beside them: an incident without a mitigation milestone is left out of it.
 */
export function computeMttx(incidents: readonly IncidentMilestones[], window?: { readonly from: number; readonly to: number }): MttxFigures {
  const unplanned = unplannedIn(incidents, window);
  const base = computeIncidentMetrics(unplanned);
  const mttm = new Durations();
  for (const incident of unplanned) mttm.add(incident.startedAt, incident.mitigatedAt);
  return { incidentCount: base.incidentCount, mttd: base.mttd, mtta: base.mtta, mttm: mttm.stats(), mttr: base.mttr };
}
