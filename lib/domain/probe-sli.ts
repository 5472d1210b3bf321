/**
 * An SLO measured by a probe (docs/decisions/0021-slo-entity.md), from its runs: pure.
 *
 * A run is good when it succeeded and, for a latency SLI, answered within the threshold (at most
 * `thresholdMs`, as Prometheus's `le` buckets count). Counted as **occurrences**, each run is an
 * event: the SLI is good runs over all runs. Counted as **time slices**, the window is cut into
 * slices from its start; a slice with runs is good when its share of good runs reaches the slice
 * target; a slice without a run is unknown, neither good nor bad. Time no run covered is unknown
 * too (probeCoverage), and shown, never counted either way.
 */
import { BURN_LOOKBACKS, complementPpb, type BurnLookback } from "./error-budget";
import { burnState, type BurnState } from "./burn-state";
import type { Budgeting } from "./slo";

export type ProbeRunSample = { at: number; ok: boolean; latencyMs: number };
export type ProbeSliKind = { kind: "success" } | { kind: "latency"; thresholdMs: number };
type Range = { from: number; to: number };

export function runIsGood(run: ProbeRunSample, sli: ProbeSliKind): boolean {
  return run.ok && (sli.kind === "success" || run.latencyMs <= sli.thresholdMs);
}

/** Good and total in the SLO's unit (runs, or known slices) over [from, to), and the slices nothing ran in. */
export type Counts = { good: number; total: number; unknownSlices: number };

/** Runs sorted by `at`: the first index at or after t. */
export function lowerBound(runs: readonly ProbeRunSample[], t: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid] as ProbeRunSample).at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts over [range.from, range.to) of runs sorted by `at`. Time slices start at `origin` (the
 * window's start) every `sliceSeconds`; only the part of a slice inside the range is looked at.
 */
export function countRuns(runs: readonly ProbeRunSample[], sli: ProbeSliKind, budgeting: Budgeting, range: Range, origin: number): Counts {
  if (!(range.to > range.from)) return { good: 0, total: 0, unknownSlices: 0 };
  const first = lowerBound(runs, range.from);
  const last = lowerBound(runs, range.to);
  if (budgeting.method !== "timeslices") {
    let good = 0;
    for (let i = first; i < last; i++) if (runIsGood(runs[i] as ProbeRunSample, sli)) good++;
    return { good, total: last - first, unknownSlices: 0 };
  }
  const size = budgeting.sliceSeconds * 1000;
  const firstSlice = Math.floor((range.from - origin) / size);
  const lastSlice = Math.ceil((range.to - origin) / size);
  let good = 0;
  let total = 0;
  let i = first;
  for (let s = firstSlice; s < lastSlice; s++) {
    const end = Math.min(range.to, origin + (s + 1) * size);
    let runsIn = 0;
    let goodIn = 0;
    for (; i < last && (runs[i] as ProbeRunSample).at < end; i++) {
      runsIn++;
      if (runIsGood(runs[i] as ProbeRunSample, sli)) goodIn++;
    }
    if (runsIn === 0) continue;
    total++;
    // goodIn / runsIn ≥ sliceTarget, without the rounding of a division.
    if (goodIn >= budgeting.sliceTarget * runsIn - 1e-9) good++;
  }
  return { good, total, unknownSlices: lastSlice - firstSlice - total };
}

export type EventBudget = { allowed: number; consumed: number; remaining: number; remainingRatio: number; overspent: boolean };

/**
 * The error budget in the SLO's unit. Occurrences: (1 − target) of the events seen so far (the
 * budget grows with the traffic). Time slices: (1 − target) of every slice in the whole window,
 * known in advance. null when there is nothing to budget yet.
 */
export function eventBudget(target: number, counts: Counts, budgeting: Budgeting, windowMs: number): EventBudget | null {
  const complement = complementPpb(target) / 1e9;
  const slicesInWindow = budgeting.method === "timeslices" ? Math.floor(windowMs / (budgeting.sliceSeconds * 1000)) : 0;
  const allowed = budgeting.method === "timeslices" ? complement * slicesInWindow : complement * counts.total;
  if (!(allowed > 0)) return null;
  const consumed = counts.total - counts.good;
  const remaining = allowed - consumed;
  return { allowed, consumed, remaining, remainingRatio: remaining / allowed, overspent: remaining < 0 };
}

/** The share of bad over the lookback divided by the share the target allows; null when nothing was seen. */
export function burnRatesOf(runs: readonly ProbeRunSample[], sli: ProbeSliKind, budgeting: Budgeting, asOf: number, origin: number, target: number): Record<BurnLookback, number | null> {
  const complement = complementPpb(target) / 1e9;
  const out = {} as Record<BurnLookback, number | null>;
  for (const [name, ms] of Object.entries(BURN_LOOKBACKS) as [BurnLookback, number][]) {
    const c = countRuns(runs, sli, budgeting, { from: asOf - ms, to: asOf }, origin);
    out[name] = c.total === 0 ? null : (c.total - c.good) / c.total / complement;
  }
  return out;
}

/** The burn state when every rate is known; null (unknown) when the probe saw nothing over a lookback a rule needs. */
export function probeBurnState(rates: Record<BurnLookback, number | null>): BurnState | null {
  if (Object.values(rates).some((r) => r === null)) return null;
  return burnState(rates as Record<BurnLookback, number>).state;
}
