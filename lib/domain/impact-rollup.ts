/**
 * Exact rollups of a service's downtime (docs/decisions/0029-impact-rollups.md): pure.
 *
 * A closed UTC hour's (or day's) weighted downtime depends only on the impacts that overlap it, so
 * it can be kept: the sum over [h, h + 1 h) of down(t), u(t) and down(t) − u(t), the same
 * integrals integrate() takes over a window. A window is then read as whole days, whole hours at
 * its ends, and the two parts shorter than an hour from the raw impacts. Only closed impacts are
 * rolled up: an ongoing one still grows, so the hours it covers are read raw (the server decides
 * which hours may be read from rollups; see RolledSource).
 *
 * Rollups are independent of the maintenance rule: the counted part is the down part (count) or
 * the unplanned part (exclude), as in buildTimeline.
 */
import { noData, totalsOf, type SeriesOptions, type WindowBounds, type WindowTotals } from "./availability";
import { measuredPart } from "./measured";
import { buildTimeline, integrate, type Impact, type MaintenanceRule, type RangeTotals, type Timeline } from "./timeline";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** One bucket's integrals, in fraction-weighted milliseconds. */
export type BucketTotals = { readonly start: number; readonly downMs: number; readonly unplannedMs: number; readonly maintenanceMs: number };

export type Interval = { readonly from: number; readonly to: number };

const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;
const ceilTo = (t: number, unit: number) => Math.ceil(t / unit) * unit;

/** The range a change of [from, to) obliges a rollup to recompute: whole UTC days (a day is the sum of its hours). */
export function rollupRange(change: Interval): Interval {
  return { from: floorTo(change.from, DAY_MS), to: Math.max(floorTo(change.from, DAY_MS) + DAY_MS, ceilTo(change.to, DAY_MS)) };
}

/**
 * The hours and days of [from, to) (whole UTC days) in which anything was down, from the closed
 * impacts that overlap the range. Ongoing impacts (end null) are left out by design.
 */
export function rollUp(impacts: readonly Impact[], range: Interval): { hours: BucketTotals[]; days: BucketTotals[] } {
  if (range.from % DAY_MS !== 0 || range.to % DAY_MS !== 0 || !(range.to > range.from)) throw new RangeError("a rollup covers whole UTC days");
  const closed = impacts.filter((i) => i.end !== null);
  const timeline = buildTimeline(closed, { from: range.from, to: range.to, asOf: range.to }, "count");
  const hours: BucketTotals[] = [];
  const days: BucketTotals[] = [];
  let day = null as { start: number; downMs: number; unplannedMs: number; maintenanceMs: number } | null;
  for (const start of touchedHours(timeline)) {
    const t = integrate(timeline, start, start + HOUR_MS);
    if (!(t.downMs > 0)) continue;
    hours.push({ start, downMs: t.downMs, unplannedMs: t.unplannedMs, maintenanceMs: t.maintenanceMs });
    const dayStart = floorTo(start, DAY_MS);
    if (day?.start !== dayStart) {
      if (day) days.push(day);
      day = { start: dayStart, downMs: 0, unplannedMs: 0, maintenanceMs: 0 };
    }
    day.downMs += t.downMs;
    day.unplannedMs += t.unplannedMs;
    day.maintenanceMs += t.maintenanceMs;
  }
  if (day) days.push(day);
  return { hours, days };
}

/** The starts of the hours any segment of the timeline reaches into, ascending, each once. */
function touchedHours(timeline: Timeline): number[] {
  const out: number[] = [];
  for (const segment of timeline.segments) {
    for (let h = floorTo(segment.from, HOUR_MS); h < segment.to; h += HOUR_MS) {
      if (out.at(-1) !== h) out.push(h);
    }
  }
  return out;
}

/** How a window's measured part [from, end) is read: whole days, whole hours at its ends, the rest raw. */
export type RolledPlan = { readonly days: Interval | null; readonly hours: readonly Interval[]; readonly raw: readonly Interval[] };

export function planRolled(from: number, end: number): RolledPlan {
  if (!(end > from)) return { days: null, hours: [], raw: [] };
  const hs = ceilTo(from, HOUR_MS);
  const he = floorTo(end, HOUR_MS);
  if (!(he > hs)) return { days: null, hours: [], raw: [{ from, to: end }] };
  const raw = [
    ...(hs > from ? [{ from, to: hs }] : []),
    ...(end > he ? [{ from: he, to: end }] : []),
  ];
  const ds = ceilTo(hs, DAY_MS);
  const de = floorTo(he, DAY_MS);
  if (!(de > ds)) return { days: null, hours: [{ from: hs, to: he }], raw };
  const hours = [...(ds > hs ? [{ from: hs, to: ds }] : []), ...(he > de ? [{ from: de, to: he }] : [])];
  return { days: { from: ds, to: de }, hours, raw };
}

/** A plan's key, by which the server hands back what its buckets sum to. */
export const planKey = (from: number, end: number): string => `${from}:${end}`;

/** Where a service's rolled-up figures come from: bucket sums per plan, and the raw impacts of the rest. */
export type RolledSource = {
  /** The sum of the plan's day and hour buckets (absent: nothing was down in them). */
  readonly bucketSum: (from: number, end: number) => Omit<BucketTotals, "start"> | undefined;
  /** Every impact (closed or ongoing) overlapping any raw part of any plan asked for; others may be included. */
  readonly impacts: readonly Impact[];
};

/**
 * A range's totals read as buckets plus its raw parts: equal to integrate() over the whole range
 * (up to the order in which the same products are added).
 */
export function rolledTotals(source: RolledSource, timeline: Timeline, rule: MaintenanceRule, from: number, end: number): RangeTotals {
  const plan = planRolled(from, end);
  const buckets = source.bucketSum(from, end) ?? { downMs: 0, unplannedMs: 0, maintenanceMs: 0 };
  let { downMs, unplannedMs, maintenanceMs } = buckets;
  let countedMs = rule === "count" ? downMs : unplannedMs;
  for (const part of plan.raw) {
    const t = integrate(timeline, part.from, part.to);
    downMs += t.downMs;
    unplannedMs += t.unplannedMs;
    maintenanceMs += t.maintenanceMs;
    countedMs += t.countedMs;
  }
  return { downMs, unplannedMs, maintenanceMs, countedMs };
}

/**
 * computeSeriesTotals' figures, read from rollups: each window's measured part as planRolled cuts
 * it. The source must hold only buckets the caller may trust: no ongoing impact and no pending
 * change of the service overlaps them (lib/server/impact-rollup-read.ts decides).
 */
export function computeSeriesTotalsRolled(source: RolledSource, windows: readonly WindowBounds[], options: SeriesOptions): WindowTotals[] {
  const { asOf, maintenance: rule, measuredSince } = options;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const w of windows) {
    if (!(Number.isFinite(w.from) && Number.isFinite(w.to) && w.to >= w.from)) throw new RangeError("windows need finite instants, from <= to");
    lo = Math.min(lo, w.from);
    hi = Math.max(hi, w.to);
  }
  if (windows.length === 0) return [];
  const timeline = buildTimeline(source.impacts, { from: lo, to: hi, asOf }, rule);
  return windows.map((window) => {
    const part = measuredPart(window, asOf, measuredSince);
    if (part === null) return noData(rule, window, asOf);
    const end = Math.max(part.from, Math.min(part.to, asOf));
    return { ...totalsOf(rule, part, end, rolledTotals(source, timeline, rule, part.from, end)), from: window.from };
  });
}

/** The plans a series asks the server for: one per window's measured part (the server sums their buckets). */
export function seriesPlans(windows: readonly WindowBounds[], options: Omit<SeriesOptions, "maintenance">): Interval[] {
  const out: Interval[] = [];
  for (const window of windows) {
    const part = measuredPart(window, options.asOf, options.measuredSince);
    if (part !== null) out.push({ from: part.from, to: Math.max(part.from, Math.min(part.to, options.asOf)) });
  }
  return out;
}
