/**
 * MTTD / MTTA / MTTR / MTBF for one service, unplanned incidents only (SPEC section 3).
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
  const n = seconds.length;
  if (n === 0) return { count: 0, excluded, meanSeconds: null, medianSeconds: null, p90Seconds: null };
  const sorted = sortSmall([...seconds], (a, b) => a - b);
  const at = (i: number): number => sorted[i] as number;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / n;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  const p90 = at(Math.ceil(0.9 * n) - 1);
  return { count: n, excluded, meanSeconds: mean, medianSeconds: median, p90Seconds: p90 };
}

function between(
  incidents: readonly IncidentTimes[],
  from: (i: IncidentTimes) => number | null,
  to: (i: IncidentTimes) => number | null,
): DurationStats {
  const values: number[] = [];
  let excluded = 0;
  for (const incident of incidents) {
    const a = from(incident);
    const b = to(incident);
    // A milestone before the one it is measured from is a data error, not a negative duration.
    if (a === null || b === null || !(b >= a)) excluded++;
    else values.push((b - a) / 1000);
  }
  return durationStats(values, excluded);
}

/**
 * One entry per incident id, the last given, at the place of the first. A service has a handful
 * of incidents in a window and is summarised by the thousand, so short lists skip the Map.
 */
function lastPerId(incidents: IncidentTimes[]): IncidentTimes[] {
  if (incidents.length > 16) return [...new Map(incidents.map((i) => [i.incidentId, i])).values()];
  const out: IncidentTimes[] = [];
  for (const incident of incidents) {
    const at = out.findIndex((o) => o.incidentId === incident.incidentId);
    if (at === -1) out.push(incident);
    else out[at] = incident;
  }
  return out;
}

/**
 * `window` (optional) keeps incidents that started in [from, to). Ongoing incidents are left out
 * of MTTR (counted in `excluded`) because their repair time is not known yet.
 */
export function computeIncidentMetrics(
  incidents: readonly IncidentTimes[],
  window?: { readonly from: number; readonly to: number },
): IncidentMetrics {
  const kept: IncidentTimes[] = [];
  for (const incident of incidents) {
    if (incident.kind !== "unplanned") continue;
    if (window !== undefined && !(incident.startedAt >= window.from && incident.startedAt < window.to)) continue;
    kept.push(incident);
  }
  const unplanned = sortSmall(lastPerId(kept), (a, b) => a.startedAt - b.startedAt);

  const gaps: number[] = [];
  for (let i = 1; i < unplanned.length; i++) {
    gaps.push(((unplanned[i] as IncidentTimes).startedAt - (unplanned[i - 1] as IncidentTimes).startedAt) / 1000);
  }

  return {
    incidentCount: unplanned.length,
    mttd: between(unplanned, (i) => i.startedAt, (i) => i.detectedAt),
    mtta: between(unplanned, (i) => i.detectedAt, (i) => i.acknowledgedAt),
    mttr: between(unplanned, (i) => i.startedAt, (i) => i.resolvedAt),
    mtbf: durationStats(gaps),
  };
}
