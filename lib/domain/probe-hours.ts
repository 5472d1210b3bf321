/**
 * A probe's closed UTC hours (docs/decisions/0023-probe-hours.md, 0030-probe-history-that-fits.md):
 * pure. An hour keeps what every reader of a probe's past needs of its runs, exactly:
 * - how many runs started in it and how many failed, and for each latency threshold the probe's
 *   SLOs named when it was kept, how many passed within it (an SLO counted as occurrences);
 * - when it is timed, where in the hour things were: the time a failed run covered (down), the
 *   time no run covered (unknown), and per threshold the time an ok run slower than it covered
 *   (slow). Up is the rest. The probe's coverage (probeCoverage), and so uptime and the reconcile
 *   view, read an hour as these intervals. Hours kept before timing was (0030) are untimed: their
 *   unknown time is only an amount, its place in the hour is not known.
 * An hour cannot say which of its runs fell in which time slice, nor count a threshold it was not
 * kept with: those are read from the runs while they are kept, and are unknown after.
 */
import { COVERAGE_SLACK_MS, mergeIntervals, probeCoverage, subtractIntervals, type Interval } from "./probes";
import { runIsGood, type ProbeRunSample, type ProbeSliKind } from "./probe-sli";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type ProbeHour = {
  start: number;
  runs: number;
  failures: number;
  /** Runs ok within each threshold the hour was kept with. */
  within: { thresholdMs: number; runs: number }[];
  /** Time no run covered (for an untimed hour, an amount placed at the hour's start). */
  unknown: Interval[];
  /** Whether `down`, `unknown` and `slow` say where in the hour things were. */
  timed: boolean;
  /** Time a failed run covered. */
  down: Interval[];
  /** Per threshold in `within`: time an ok run slower than it covered. */
  slow: { thresholdMs: number; spans: Interval[] }[];
};

export const hourFloor = (t: number): number => Math.floor(t / HOUR_MS) * HOUR_MS;
export const dayFloor = (t: number): number => Math.floor(t / DAY_MS) * DAY_MS;

/** How far back a run's coverage can reach: the runs to read before a time to know it. */
export const coverageReachMs = (intervalSeconds: number): number => intervalSeconds * 1000 + COVERAGE_SLACK_MS;

const total = (list: readonly Interval[]) => list.reduce((s, i) => s + (i.to - i.from), 0);

/** An hour no run started in or covered: nothing seen, any threshold counted (none of none). */
export function emptyHour(start: number): ProbeHour {
  return { start, runs: 0, failures: 0, within: [], unknown: [{ from: start, to: start + HOUR_MS }], timed: true, down: [], slow: [] };
}

export const unknownMsOf = (hour: ProbeHour): number => total(hour.unknown);

/** The hour's good runs for the SLI; null when the hour was not kept with its threshold. */
export function goodRunsOf(hour: ProbeHour, sli: ProbeSliKind): number | null {
  if (sli.kind === "success") return hour.runs - hour.failures;
  if (hour.runs === 0) return 0;
  return hour.within.find((w) => w.thresholdMs === sli.thresholdMs)?.runs ?? null;
}

/**
 * Where in [from, to) (inside the hour) the runs were good and bad for the SLI, and where nothing
 * was known; null when the hour cannot say (untimed, or its threshold was not kept).
 */
export function hourCoverage(hour: ProbeHour, sli: ProbeSliKind, from: number, to: number): { up: Interval[]; down: Interval[]; unknown: Interval[] } | null {
  if (!hour.timed) return null;
  let bad = hour.down;
  if (sli.kind === "latency") {
    const slow = hour.slow.find((s) => s.thresholdMs === sli.thresholdMs);
    // (An hour nothing covered needs no threshold: there is nothing to be slow.)
    if (slow) bad = mergeIntervals([...hour.down, ...slow.spans]);
    else if (unknownMsOf(hour) < HOUR_MS) return null;
  }
  const clip = (list: readonly Interval[]) => list.flatMap((i) => (Math.min(i.to, to) > Math.max(i.from, from) ? [{ from: Math.max(i.from, from), to: Math.min(i.to, to) }] : []));
  const down = clip(bad);
  const unknown = clip(hour.unknown);
  return { up: subtractIntervals([{ from, to }], [...down, ...unknown]), down, unknown };
}

/**
 * The whole UTC hours [from, to) of runs sorted by time (with the runs before `from` whose
 * coverage reaches into it). Hours nothing started in and no run covered are left out.
 */
export function rollupHours(runs: readonly ProbeRunSample[], intervalSeconds: number, thresholdsMs: readonly number[], from: number, to: number): ProbeHour[] {
  const thresholds = [...new Set(thresholdsMs)].sort((a, b) => a - b);
  const out: ProbeHour[] = [];
  let i = 0;
  for (let start = hourFloor(from); start < to; start += HOUR_MS) {
    const end = start + HOUR_MS;
    while (i < runs.length && (runs[i] as ProbeRunSample).at < start) i++;
    let j = i;
    while (j < runs.length && (runs[j] as ProbeRunSample).at < end) j++;
    const seen = runs.slice(Math.max(0, i - 1), j);
    const inHour = runs.slice(i, j);
    const window = { from: start, to: end };
    const coverage = probeCoverage(seen, intervalSeconds, window);
    if (inHour.length === 0 && coverage.unknownSeconds * 1000 >= HOUR_MS) continue;
    // A threshold's bad time is the failed runs' and the slow ones': slow is what it adds to down.
    const slow = thresholds.map((t) => ({ thresholdMs: t, spans: subtractIntervals(probeCoverage(seen.map((r) => ({ at: r.at, ok: runIsGood(r, { kind: "latency", thresholdMs: t }) })), intervalSeconds, window).down, coverage.down) }));
    out.push({
      start,
      runs: inHour.length,
      failures: inHour.filter((r) => !r.ok).length,
      within: thresholds.map((t) => ({ thresholdMs: t, runs: inHour.filter((r) => runIsGood(r, { kind: "latency", thresholdMs: t })).length })),
      unknown: coverage.unknown,
      timed: true,
      down: coverage.down,
      slow,
    });
  }
  return out;
}
