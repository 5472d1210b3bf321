/**
 * An SLO measured by Prometheus (docs/decisions/0022-prometheus-slis.md): its queries' answers as
 * stored buckets, and its figures from them. Pure.
 *
 * Queries are written as Sloth writes them, rate expressions with `$window` for their range
 * (`sum(rate(http_requests_total{code=~"5.."}[$window]))`). Ingested a minute at a time, `$window`
 * is `1m` and the answer at t, a rate per second over (t − 1m, t], times 60 is the events of that
 * minute: one bucket [t − 1m, t). A threshold query's answer at t is compared with its threshold:
 * the minute is good (1 of 1) or bad (0 of 1). A minute with no answer has no bucket: unknown,
 * never good or bad.
 */
import type { Budgeting, ThresholdOp } from "./slo";
import type { Counts, ProbeRunSample } from "./probe-sli";
import { countRuns } from "./probe-sli";
import { subtractIntervals, type Interval } from "./probes";
import { BURN_LOOKBACKS, complementPpb, type BurnLookback } from "./error-budget";

/** `covered`: the seconds of it that were measured, when a merged bucket's minutes were not all read (absent: all of it). */
export type Bucket = { start: number; seconds: number; good: number; total: number; covered?: number | null };
export type Sample = [seconds: number, value: string];

/** A Sloth-style query with its range: `$window` → `10s`, `1m`, `5m`, `1h`, `3d` (the largest whole unit). */
export function withWindow(query: string, seconds: number): string {
  if (!(Number.isInteger(seconds) && seconds > 0)) throw new RangeError(`Not a window in seconds: ${seconds}`);
  const range = seconds % 86_400 === 0 ? `${seconds / 86_400}d` : seconds % 3600 === 0 ? `${seconds / 3600}h` : seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
  return query.replaceAll("$window", range);
}

const value = (v: string | undefined): number | null => {
  if (v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/**
 * Buckets from a ratio's answers (each a rate per second over the step before its time): total,
 * and good, or bad (good = total − bad). A step where total is missing or not a number is unknown.
 * Good is kept within [0, total]: counters reset and scrape jitter can push a rate past its total.
 */
export function ratioBuckets(total: readonly Sample[], part: readonly Sample[], partIs: "good" | "bad", stepSeconds: number): Bucket[] {
  const byTime = new Map(part.map(([t, v]) => [t, value(v)]));
  const out: Bucket[] = [];
  for (const [t, v] of total) {
    const tot = value(v);
    if (tot === null || tot < 0) continue;
    const p = byTime.get(t) ?? (partIs === "bad" ? 0 : null); // no bad series at t: nothing failed
    if (p === null || p === undefined) continue;
    const events = tot * stepSeconds;
    const good = partIs === "good" ? p * stepSeconds : events - p * stepSeconds;
    out.push({ start: (t - stepSeconds) * 1000, seconds: stepSeconds, good: Math.min(events, Math.max(0, good)), total: events });
  }
  return out;
}

export function compare(v: number, op: ThresholdOp, threshold: number): boolean {
  return op === "lt" ? v < threshold : op === "lte" ? v <= threshold : op === "gt" ? v > threshold : v >= threshold;
}

/** Buckets from a threshold query's answers: each step good when its value compares true. */
export function thresholdBuckets(samples: readonly Sample[], op: ThresholdOp, threshold: number, stepSeconds: number): Bucket[] {
  return samples.flatMap(([t, v]) => {
    const n = value(v);
    return n === null ? [] : [{ start: (t - stepSeconds) * 1000, seconds: stepSeconds, good: compare(n, op, threshold) ? 1 : 0, total: 1 }];
  });
}

/** Time-slice SLOs are counted by the slices' minutes: each minute bucket a run, good when good. */
const asRuns = (buckets: readonly Bucket[]): ProbeRunSample[] => buckets.map((b) => ({ at: b.start, ok: b.good >= b.total, latencyMs: 0 }));

/**
 * A slice SLO's old minutes are kept as counts of slices (docs/decisions/0024-slice-rows.md): rows
 * at least an hour long hold good slices and slices, not events. Minutes are never that long.
 */
export const SLICE_ROW_MIN_SECONDS = 3600;
const isSliceRow = (b: Bucket) => b.seconds >= SLICE_ROW_MIN_SECONDS;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The span a slice SLO's minutes are merged into: the least whole number of hours and of slices (an hour for 1m–1h slices). */
export function sliceRowSeconds(sliceSeconds: number): number {
  if (!(Number.isInteger(sliceSeconds) && sliceSeconds > 0)) throw new RangeError(`Not a slice length in seconds: ${sliceSeconds}`);
  return (sliceSeconds * SLICE_ROW_MIN_SECONDS) / gcd(sliceSeconds, SLICE_ROW_MIN_SECONDS);
}

/**
 * Minutes of a slice SLO as rows of slice counts, one per span of `sliceRowSeconds` on the clock
 * (slices at multiples of their length since 1970 UTC, so a row's slices are whole and no slice is
 * in two rows). Each slice is judged as countRuns judges it. Spans without a minute give no row.
 */
export function sliceRows(minutes: readonly Bucket[], budgeting: Extract<Budgeting, { method: "timeslices" }>): Bucket[] {
  const span = sliceRowSeconds(budgeting.sliceSeconds) * 1000;
  const bySpan = new Map<number, Bucket[]>();
  for (const m of minutes) {
    const start = Math.floor(m.start / span) * span;
    const list = bySpan.get(start);
    if (list) list.push(m);
    else bySpan.set(start, [m]);
  }
  return [...bySpan.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, inSpan]) => {
      const c = countRuns(asRuns([...inSpan].sort((a, b) => a.start - b.start)), { kind: "success" }, budgeting, { from: start, to: start + span }, 0);
      return { start, seconds: span / 1000, good: c.good, total: c.total, covered: inSpan.reduce((s, m) => s + (m.covered ?? m.seconds), 0) };
    });
}

/** Counts over [from, to) of buckets sorted by start, in the SLO's unit; and the seconds no bucket covers. */
export function countBuckets(buckets: readonly Bucket[], budgeting: Budgeting, range: { from: number; to: number }, origin: number): Counts & { unknownSeconds: number } {
  const inside = buckets.filter((b) => b.start >= range.from && b.start < range.to);
  const covered = inside.reduce((s, b) => s + Math.min((b.covered ?? b.seconds) * 1000, range.to - b.start), 0);
  const unknownSeconds = Math.max(0, range.to - range.from - covered) / 1000;
  if (budgeting.method === "timeslices") {
    // Minutes are cut into the window's slices; merged rows already hold their slices' counts.
    const rows = inside.filter(isSliceRow);
    const c = countRuns(asRuns(inside.filter((b) => !isSliceRow(b))), { kind: "success" }, budgeting, range, origin);
    const good = rows.reduce((s, b) => s + b.good, c.good);
    const total = rows.reduce((s, b) => s + b.total, c.total);
    return { good, total, unknownSlices: Math.max(0, c.unknownSlices - (total - c.total)), unknownSeconds };
  }
  const good = inside.reduce((s, b) => s + b.good, 0);
  const total = inside.reduce((s, b) => s + b.total, 0);
  return { good, total, unknownSlices: 0, unknownSeconds };
}

/** Burn rates over the usual lookbacks: the bad share over the share the target allows; null where nothing was measured. */
export function measuredBurnRates(buckets: readonly Bucket[], budgeting: Budgeting, asOf: number, origin: number, target: number): Record<BurnLookback, number | null> {
  const complement = complementPpb(target) / 1e9;
  const out = {} as Record<BurnLookback, number | null>;
  for (const [name, ms] of Object.entries(BURN_LOOKBACKS) as [BurnLookback, number][]) {
    const c = countBuckets(buckets, budgeting, { from: asOf - ms, to: asOf }, origin);
    out[name] = c.total > 0 ? (c.total - c.good) / c.total / complement : null;
  }
  return out;
}

/**
 * The time a measured SLI saw as bad and as good, for setting beside the incident record: a bucket
 * is bad when it missed the SLO's target on its own (its good share below the target; for a
 * threshold query, a bad minute), good otherwise. Time with no bucket is neither.
 */
export function measuredIntervals(buckets: readonly Bucket[], target: number, range: { from: number; to: number }): { bad: { from: number; to: number }[]; good: { from: number; to: number }[] } {
  const bad: { from: number; to: number }[] = [];
  const good: { from: number; to: number }[] = [];
  for (const b of buckets) {
    const span = { from: Math.max(b.start, range.from), to: Math.min(b.start + b.seconds * 1000, range.to) };
    if (!(span.to > span.from) || !(b.total > 0)) continue;
    (b.good / b.total < target ? bad : good).push(span);
  }
  return { bad, good };
}

type Span = Interval;

/**
 * Where minutes about to be merged saw bad (missed `target`, as measuredIntervals judges them) and
 * where in `range` (the stretch being merged, whole rows) no minute was read: kept beside the
 * merged rows so logged against measured can still say where.
 */
export function minuteSpans(minutes: readonly Bucket[], target: number, range: Span): { bad: Span[]; gaps: Span[] } {
  const sorted = [...minutes].sort((a, b) => a.start - b.start);
  const bad: Span[] = [];
  const read: Span[] = [];
  const add = (list: Span[], from: number, to: number) => {
    const last = list[list.length - 1];
    if (last && last.to >= from) last.to = Math.max(last.to, to);
    else if (to > from) list.push({ from, to });
  };
  for (const m of sorted) {
    const end = m.start + m.seconds * 1000;
    add(read, m.start, end);
    if (m.total > 0 && m.good / m.total < target) add(bad, m.start, end);
  }
  return { bad, gaps: subtractIntervals([range], read) };
}

/**
 * measuredIntervals over buckets some of which are merged: minutes as they are judged; a merged
 * row is measured over its span but for its `gaps`, and bad where `bad` says.
 */
export function measuredIntervalsWithSpans(buckets: readonly Bucket[], target: number, range: Span, spans: { bad: readonly Span[]; gaps: readonly Span[] }): { bad: Span[]; good: Span[] } {
  const minutes = buckets.filter((b) => b.seconds < SLICE_ROW_MIN_SECONDS);
  const seen = measuredIntervals(minutes, target, range);
  const clip = (s: Span): Span | null => {
    const c = { from: Math.max(s.from, range.from), to: Math.min(s.to, range.to) };
    return c.to > c.from ? c : null;
  };
  const bad = [...seen.bad];
  const good = [...seen.good];
  for (const row of buckets.filter((b) => b.seconds >= SLICE_ROW_MIN_SECONDS)) {
    const span = clip({ from: row.start, to: row.start + row.seconds * 1000 });
    if (!span) continue;
    const inside = (list: readonly Span[]) => list.flatMap((s) => clip({ from: Math.max(s.from, span.from), to: Math.min(s.to, span.to) }) ?? []);
    const badHere = inside(spans.bad);
    bad.push(...badHere);
    good.push(...subtractIntervals([span], [...inside(spans.gaps), ...badHere]));
  }
  return { bad, good };
}
