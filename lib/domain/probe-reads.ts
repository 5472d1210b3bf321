/**
 * Reading a probe's past: pure. Every reader (SLO figures, series and burn rates, uptime, the
 * reconcile views) asks for counts or coverage over a range, and gets them from the kept hours
 * wherever an hour can answer, and from the runs elsewhere: the part after the last closed hour,
 * a range's partial hours (counts need whole ones; coverage clips an hour), and hours that cannot
 * say what is asked (a threshold they were not kept with, time slices, an untimed hour's layout).
 * Where the runs are deleted too, those parts are unknown (no run read is no run seen, never up
 * or down). Over ranges where both exist, the result is the runs' own, to the millisecond
 * (lib/domain/probe-reads.test.ts).
 */
import { BURN_LOOKBACKS, complementPpb, type BurnLookback } from "./error-budget";
import { coverageReachMs, emptyHour, goodRunsOf, hourCoverage, hourFloor, HOUR_MS, unknownMsOf, type ProbeHour } from "./probe-hours";
import { countRuns, lowerBound, runIsGood, type Counts, type ProbeRunSample, type ProbeSliKind } from "./probe-sli";
import { mergeIntervals, probeCoverage, type Interval } from "./probes";
import type { Budgeting } from "./slo";

export type ProbeHistory = {
  intervalSeconds: number;
  /** Hours before this are closed and kept; null: none is. */
  rolledTo: number | null;
  /** Kept hours by start; a closed hour missing here is one nothing ran in or covered. */
  hours: ReadonlyMap<number, ProbeHour>;
  /** Runs sorted by time: those still kept over what runsToRead asked for. */
  runs: readonly ProbeRunSample[];
};

/** What a reader asks of a probe's past. */
export type ProbeRead = { use: "count"; sli: ProbeSliKind; budgeting: Budgeting; range: Interval } | { use: "coverage"; sli: ProbeSliKind; range: Interval };

type Piece = Interval & { hour: ProbeHour | null };

const OCCURRENCES: Budgeting = { method: "occurrences" };

/** The range cut at the hours: each part answered by a kept hour, or (hour null) by the runs. */
function pieces(history: Omit<ProbeHistory, "runs">, read: ProbeRead): Piece[] {
  const out: Piece[] = [];
  const { from, to } = read.range;
  for (let start = hourFloor(from); start < to; start += HOUR_MS) {
    const a = Math.max(start, from);
    const b = Math.min(start + HOUR_MS, to);
    const closed = history.rolledTo !== null && start + HOUR_MS <= history.rolledTo;
    const hour = closed ? (history.hours.get(start) ?? emptyHour(start)) : null;
    const answers = hour !== null && (read.use === "count" ? a === start && b === start + HOUR_MS && goodRunsOf(hour, read.sli) !== null : hourCoverage(hour, read.sli, a, b) !== null);
    const last = out.at(-1);
    if (!answers && last && last.hour === null && last.to === a) last.to = b;
    else out.push({ from: a, to: b, hour: answers ? hour : null });
  }
  return out;
}

/** The time ranges whose runs the reads need (each with the coverage reach before it), merged. */
export function runsToRead(history: Omit<ProbeHistory, "runs">, reads: readonly ProbeRead[]): Interval[] {
  const reach = coverageReachMs(history.intervalSeconds);
  const ranges: Interval[] = [];
  for (const read of reads) {
    if (!(read.range.to > read.range.from)) continue;
    // Slices need each run's time: the runs over the whole range.
    if (read.use === "count" && read.budgeting.method === "timeslices") ranges.push({ from: read.range.from - reach, to: read.range.to });
    for (const p of pieces(history, read)) if (p.hour === null) ranges.push({ from: p.from - reach, to: p.to });
  }
  return mergeIntervals(ranges);
}

const runsIn = (runs: readonly ProbeRunSample[], from: number, to: number) => runs.slice(lowerBound(runs, from), lowerBound(runs, to));

/**
 * Counts over [range.from, range.to) in the SLO's unit, and the time nothing was known
 * (`unknownSeconds`). Time slices are counted from the runs (slices before the kept runs are
 * unknown); their unknown time, like everything else, from the hours where they answer.
 */
export function countProbe(history: ProbeHistory, sli: ProbeSliKind, budgeting: Budgeting, range: Interval, origin: number): Counts & { unknownSeconds: number } {
  if (!(range.to > range.from)) return { good: 0, total: 0, unknownSlices: 0, unknownSeconds: 0 };
  const reach = coverageReachMs(history.intervalSeconds);
  let good = 0;
  let total = 0;
  let unknownMs = 0;
  for (const p of pieces(history, { use: "count", sli, budgeting, range })) {
    if (p.hour) {
      good += goodRunsOf(p.hour, sli) as number;
      total += p.hour.runs;
      unknownMs += unknownMsOf(p.hour);
      continue;
    }
    const runs = runsIn(history.runs, p.from - reach, p.to);
    const c = countRuns(runs, sli, OCCURRENCES, p, origin);
    good += c.good;
    total += c.total;
    unknownMs += probeCoverage(runs, history.intervalSeconds, p).unknownSeconds * 1000;
  }
  if (budgeting.method === "timeslices") return { ...countRuns(runsIn(history.runs, range.from, range.to), sli, budgeting, range, origin), unknownSeconds: unknownMs / 1000 };
  return { good, total, unknownSlices: 0, unknownSeconds: unknownMs / 1000 };
}

export type Coverage = { up: Interval[]; down: Interval[]; unknown: Interval[]; upSeconds: number; downSeconds: number; unknownSeconds: number; uptime: number | null };

/**
 * What the probe saw over the window for the SLI (probeCoverage with each run good or bad by it):
 * up, down and unknown intervals, their seconds, and uptime = up / (up + down).
 */
export function coverageOf(history: ProbeHistory, sli: ProbeSliKind, window: Interval): Coverage {
  const reach = coverageReachMs(history.intervalSeconds);
  const up: Interval[] = [];
  const down: Interval[] = [];
  const unknown: Interval[] = [];
  if (window.to > window.from) {
    for (const p of pieces(history, { use: "coverage", sli, range: window })) {
      const c = p.hour
        ? (hourCoverage(p.hour, sli, p.from, p.to) as NonNullable<ReturnType<typeof hourCoverage>>)
        : probeCoverage(runsIn(history.runs, p.from - reach, p.to).map((r) => ({ at: r.at, ok: runIsGood(r, sli) })), history.intervalSeconds, p);
      up.push(...c.up);
      down.push(...c.down);
      unknown.push(...c.unknown);
    }
  }
  const ms = (list: Interval[]) => list.reduce((s, i) => s + (i.to - i.from), 0);
  const [u, d, x] = [mergeIntervals(up), mergeIntervals(down), mergeIntervals(unknown)];
  const [um, dm] = [ms(u), ms(d)];
  return { up: u, down: d, unknown: x, upSeconds: um / 1000, downSeconds: dm / 1000, unknownSeconds: ms(x) / 1000, uptime: um + dm > 0 ? um / (um + dm) : null };
}

/** The burn-rate lookbacks before asOf: what countProbe needs read for them. */
export function burnReads(sli: ProbeSliKind, budgeting: Budgeting, asOf: number): ProbeRead[] {
  return Object.values(BURN_LOOKBACKS).map((ms) => ({ use: "count" as const, sli, budgeting, range: { from: asOf - ms, to: asOf } }));
}

/** The share of bad over each lookback divided by the share the target allows; null when nothing was seen. */
export function probeBurnRates(history: ProbeHistory, sli: ProbeSliKind, budgeting: Budgeting, asOf: number, origin: number, target: number): Record<BurnLookback, number | null> {
  const complement = complementPpb(target) / 1e9;
  const out = {} as Record<BurnLookback, number | null>;
  for (const [name, ms] of Object.entries(BURN_LOOKBACKS) as [BurnLookback, number][]) {
    const c = countProbe(history, sli, budgeting, { from: asOf - ms, to: asOf }, origin);
    out[name] = c.total === 0 ? null : (c.total - c.good) / c.total / complement;
  }
  return out;
}
