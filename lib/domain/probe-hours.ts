/**
 * A probe's runs kept as hours once the runs are deleted (probeRetentionDays): pure.
 *
 * An hour keeps how many runs started in it, how many failed, how long no run covered (unknown,
 * as probeCoverage counts it), and for each latency threshold the probe's SLOs name, how many runs
 * passed within it. From these an SLO counted as occurrences is exact over any whole hours: a
 * success SLI's good runs are the runs less the failures, a latency SLI's are those within its
 * threshold. An hour cannot say which of its runs fell in which slice, so a time-slice SLO's slices
 * there are unknown; nor can it count a threshold it was not rolled up with, so for such an SLO
 * the hour is unknown too. Hours missing altogether (no run covered them) are unknown.
 */
import { COVERAGE_SLACK_MS, probeCoverage } from "./probes";
import { countRuns, runIsGood, type Counts, type ProbeRunSample, type ProbeSliKind } from "./probe-sli";
import type { Budgeting } from "./slo";

export const HOUR_MS = 3_600_000;

export type ProbeHour = { start: number; runs: number; failures: number; unknownSeconds: number; withinMs: number[]; withinRuns: number[] };

/** A probe's history over a range: hours before `rolledTo` (null: none kept), runs from there on. */
export type ProbeHistory = { intervalSeconds: number; rolledTo: number | null; hours: readonly ProbeHour[]; runs: readonly ProbeRunSample[] };

export const hourFloor = (t: number): number => Math.floor(t / HOUR_MS) * HOUR_MS;

/** How far back a run's coverage can reach into an hour: the runs to read before it. */
export const coverageReachMs = (intervalSeconds: number): number => intervalSeconds * 1000 + COVERAGE_SLACK_MS;

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
    const inHour: ProbeRunSample[] = [];
    for (let j = i; j < runs.length && (runs[j] as ProbeRunSample).at < end; j++) inHour.push(runs[j] as ProbeRunSample);
    const before = i > 0 ? [runs[i - 1] as ProbeRunSample] : [];
    const unknownSeconds = probeCoverage([...before, ...inHour], intervalSeconds, { from: start, to: end }).unknownSeconds;
    if (inHour.length === 0 && unknownSeconds >= HOUR_MS / 1000) continue;
    out.push({
      start,
      runs: inHour.length,
      failures: inHour.filter((r) => !r.ok).length,
      unknownSeconds,
      withinMs: thresholds,
      withinRuns: thresholds.map((t) => inHour.filter((r) => runIsGood(r, { kind: "latency", thresholdMs: t })).length),
    });
  }
  return out;
}

/** An hour's good runs for the SLI; null when the hour was not rolled up with its threshold. */
function goodRuns(hour: ProbeHour, sli: ProbeSliKind): number | null {
  if (sli.kind === "success") return hour.runs - hour.failures;
  const k = hour.withinMs.indexOf(sli.thresholdMs);
  return k < 0 ? null : (hour.withinRuns[k] ?? null);
}

/**
 * Counts over [range.from, range.to) from a probe's history: the kept hours before `rolledTo`, the
 * runs after it (countRuns, probeCoverage). Time no run covered is `unknownSeconds`.
 */
export function countProbe(history: ProbeHistory, sli: ProbeSliKind, budgeting: Budgeting, range: { from: number; to: number }, origin: number): Counts & { unknownSeconds: number } {
  const split = history.rolledTo === null ? range.from : Math.min(Math.max(history.rolledTo, range.from), range.to);
  const recent = { from: split, to: range.to };
  const counts = countRuns(history.runs, sli, budgeting, recent, origin);
  let unknownSeconds = recent.to > recent.from ? probeCoverage(history.runs, history.intervalSeconds, recent).unknownSeconds : 0;
  if (split <= range.from) return { ...counts, unknownSeconds };
  const old = { from: range.from, to: split };
  let good = 0;
  let total = 0;
  let known = 0;
  for (const hour of history.hours) {
    if (hour.start < old.from || hour.start + HOUR_MS > old.to) continue;
    const g = goodRuns(hour, sli);
    if (g === null) continue;
    known += HOUR_MS;
    unknownSeconds += hour.unknownSeconds;
    good += g;
    total += hour.runs;
  }
  unknownSeconds += (old.to - old.from - known) / 1000;
  if (budgeting.method === "timeslices") {
    // Slices need each run's time: the kept hours have none, so their slices are unknown.
    const slices = countRuns([], sli, budgeting, old, origin).unknownSlices;
    return { good: counts.good, total: counts.total, unknownSlices: counts.unknownSlices + slices, unknownSeconds };
  }
  return { good: counts.good + good, total: counts.total + total, unknownSlices: 0, unknownSeconds };
}
