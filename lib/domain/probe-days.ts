/**
 * A probe's hours of one UTC day as one row (ProbeDay): pure. A row per hour cost about 245 bytes
 * in PostgreSQL (tuple header, the probe's id and the key's index entry each time), a year of a
 * thousand probes 2 GB; a day's 24 hours as arrays cost about 25 bytes an hour
 * (docs/decisions/0030-probe-history-that-fits.md).
 *
 * Per hour from hour 0 (the arrays are as long as the last hour kept): runs and failures. Per
 * threshold, 24 counts (threshold-major), -1 where the hour was not kept with it. Times are
 * milliseconds from the day's start: `down` and `unknown` as [from, to) pairs, `slow` per
 * threshold as [thresholdMs, n, then n pairs], merged across hours. Hours missing in the middle are empty
 * (nothing ran, nothing covered). The first `untimedHours` hours were kept before timing was:
 * their unknown time is an amount, written at the hour's start.
 */
import { DAY_MS, emptyHour, HOUR_MS, unknownMsOf, type ProbeHour } from "./probe-hours";
import { mergeIntervals, type Interval } from "./probes";

export type ProbeDayRow = { day: number; untimedHours: number; runs: number[]; failures: number[]; withinMs: number[]; withinRuns: number[]; down: number[]; unknown: number[]; slow: number[] };

const NOT_KEPT = -1;

function pairs(list: readonly Interval[], day: number): number[] {
  return mergeIntervals(list).flatMap((i) => [i.from - day, i.to - day]);
}

/** [from, to) pairs (milliseconds from the day's start) cut into the day's first `n` hours. */
function perHour(flat: readonly number[], day: number, n: number): Interval[][] {
  const out = Array.from({ length: n }, () => [] as Interval[]);
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const a = flat[i] as number;
    const b = flat[i + 1] as number;
    for (let h = Math.floor(a / HOUR_MS); h < n && h * HOUR_MS < b; h++) {
      const from = Math.max(a, h * HOUR_MS);
      const to = Math.min(b, (h + 1) * HOUR_MS);
      if (to > from) (out[h] as Interval[]).push({ from: day + from, to: day + to });
    }
  }
  return out;
}

/** Hours of the day starting at `day` (any order; a later one replaces an earlier one of the same start) as one row. */
export function packDay(day: number, hours: readonly ProbeHour[]): ProbeDayRow {
  const byIndex = new Map<number, ProbeHour>();
  for (const h of hours) {
    const index = (h.start - day) / HOUR_MS;
    if (!Number.isInteger(index) || index < 0 || index >= 24) throw new Error(`hour ${new Date(h.start).toISOString()} is not of the day ${new Date(day).toISOString()}`);
    byIndex.set(index, h);
  }
  const count = Math.max(0, ...[...byIndex.keys()].map((i) => i + 1));
  const list = Array.from({ length: count }, (_, i) => byIndex.get(i) ?? emptyHour(day + i * HOUR_MS));
  const untimedHours = list.findIndex((h) => h.timed) < 0 ? count : list.findIndex((h) => h.timed);
  if (list.slice(untimedHours).some((h) => !h.timed)) throw new Error("a day's untimed hours must come first");
  const withinMs = [...new Set(list.flatMap((h) => h.within.map((w) => w.thresholdMs)))].sort((a, b) => a - b);
  const withinRuns = withinMs.flatMap((t) => Array.from({ length: 24 }, (_, i) => {
    const h = list[i];
    if (!h) return NOT_KEPT;
    // An hour nothing covered counts none within any threshold.
    return unknownMsOf(h) >= HOUR_MS ? 0 : (h.within.find((w) => w.thresholdMs === t)?.runs ?? NOT_KEPT);
  }));
  const slow = withinMs.flatMap((t) => {
    const spans = pairs(list.flatMap((h) => h.slow.find((s) => s.thresholdMs === t)?.spans ?? []), day);
    return spans.length ? [t, spans.length / 2, ...spans] : [];
  });
  return {
    day,
    untimedHours,
    runs: list.map((h) => h.runs),
    failures: list.map((h) => h.failures),
    withinMs,
    withinRuns,
    down: pairs(list.flatMap((h) => h.down), day),
    unknown: pairs(list.flatMap((h) => h.unknown), day),
    slow,
  };
}

/**
 * The row's hours, from hour 0 to the last one kept. `timing: false` (a reader that only counts)
 * leaves out where in each hour things were: each hour is then untimed, its unknown time an amount.
 */
export function unpackDay(row: ProbeDayRow, timing = true): ProbeHour[] {
  const { day } = row;
  const n = row.runs.length;
  const unknown = perHour(row.unknown, day, n);
  const down = timing ? perHour(row.down, day, n) : [];
  const slowOf = new Map<number, Interval[][]>();
  for (let i = 0; timing && i + 1 < row.slow.length; i += 2 + 2 * (row.slow[i + 1] as number)) slowOf.set(row.slow[i] as number, perHour(row.slow.slice(i + 2, i + 2 + 2 * (row.slow[i + 1] as number)), day, n));
  return row.runs.map((runs, i) => {
    const start = day + i * HOUR_MS;
    const timed = timing && i >= row.untimedHours;
    const kept = row.withinMs.flatMap((t, k) => {
      const count = row.withinRuns[k * 24 + i] ?? NOT_KEPT;
      return count === NOT_KEPT ? [] : [{ thresholdMs: t, runs: count }];
    });
    const gaps = unknown[i] as Interval[];
    const amount = gaps.reduce((sum, x) => sum + (x.to - x.from), 0);
    return {
      start,
      runs,
      failures: row.failures[i] ?? 0,
      within: kept,
      unknown: timed || amount === 0 ? gaps : [{ from: start, to: start + amount }],
      timed,
      down: timed ? (down[i] as Interval[]) : [],
      slow: timed ? kept.map((w) => ({ thresholdMs: w.thresholdMs, spans: slowOf.get(w.thresholdMs)?.[i] ?? [] })) : [],
    };
  });
}

/** The days that hours fall in, each with its hours: for writing hours into their rows. */
export function hoursByDay(hours: readonly ProbeHour[]): Map<number, ProbeHour[]> {
  const out = new Map<number, ProbeHour[]>();
  for (const h of hours) {
    const day = Math.floor(h.start / DAY_MS) * DAY_MS;
    const list = out.get(day);
    if (list) list.push(h);
    else out.set(day, [h]);
  }
  return out;
}
