/**
 * SLOs as their own entity (docs/decisions/0021-slo-entity.md). Every service has one named
 * "availability", computed from its incident record: its figures are the service's own (the
 * service availability routes, the overview, the review and `/metrics` read it). Pure.
 */
import { budgetState, serviceState, SERVICE_STATES, type BurnState, type ServiceState } from "./burn-state";

/** The name of a service's SLO from its incident record, which every service has. */
export const SERVICE_SLO_NAME = "availability";

export type ThresholdOp = "lt" | "lte" | "gt" | "gte";
export type PrometheusSli =
  | { source: "prometheus"; datasource: string; kind: "ratio"; good?: string; bad?: string; total: string }
  | { source: "prometheus"; datasource: string; kind: "threshold"; query: string; op: ThresholdOp; threshold: number };
export type Sli = { source: "incidents" } | { source: "probe"; probe: string; kind: "success" | "latency"; thresholdMs?: number } | PrometheusSli;

/**
 * How an SLO's budget is counted: the incident record in time (seconds), a probe's runs as
 * occurrences (good runs over all runs) or as time slices (the share of good slices, a slice being
 * good when its share of good runs reaches `sliceTarget`).
 */
export type Budgeting = { method: "time" } | { method: "occurrences" } | { method: "timeslices"; sliceSeconds: number; sliceTarget: number };

/** The unit an SLO's budget is counted in. */
export function budgetUnit(b: Budgeting): "seconds" | "events" | "slices" {
  return b.method === "time" ? "seconds" : b.method === "occurrences" ? "events" : "slices";
}

/** A slice length as the API takes it ("5m", "1h", or seconds) in seconds. */
export function sliceLengthSeconds(slice: number | string): number {
  if (typeof slice === "number") return slice;
  const m = /^(\d+)(m|h)$/.exec(slice);
  if (!m) throw new RangeError(`Not a slice length: ${slice}`);
  return Number(m[1]) * (m[2] === "h" ? 3600 : 60);
}

const OP_WORDS: Record<ThresholdOp, string> = { lt: "below", lte: "at most", gt: "above", gte: "at least" };

/** What an SLO measures, in a sentence a person reads beside its figures. */
export function describeSli(sli: { source: "incidents" } | { source: "probe"; kind: "success" | "latency"; thresholdMs: number | null; url: string | null } | { source: "prometheus"; datasource: string; kind: "ratio" | "threshold"; good: string | null; op: ThresholdOp | null; threshold: number | null }): string {
  if (sli.source === "incidents") return "Time up, from the incident record";
  if (sli.source === "probe") return `${sli.kind === "latency" ? `Probe runs answered within ${sli.thresholdMs} ms` : "Probe runs that succeeded"}${sli.url ? ` (${sli.url})` : ""}`;
  if (sli.kind === "ratio") return `${sli.good !== null ? "Good" : "All but bad"} events over all events, from Prometheus '${sli.datasource}'`;
  return `Minutes whose value is ${OP_WORDS[sli.op ?? "lt"]} ${sli.threshold}, from Prometheus '${sli.datasource}'`;
}

/** The unit's word for a count: "1 event", "2.5 slices". */
export function unitWord(unit: "seconds" | "events" | "slices", n: number): string {
  const word = unit === "events" ? "event" : unit === "slices" ? "slice" : "second";
  return n === 1 ? word : `${word}s`;
}

/** An SLO's state as the overview ranks services: null when nothing is measured yet. */
export function sloState(f: { errorBudget: { remainingRatio: number } | null; burnState: BurnState | null }): ServiceState | null {
  if (!f.errorBudget) return null;
  return serviceState(budgetState(f.errorBudget.remainingRatio), f.burnState ?? "ok");
}

/** The most pressing of several SLOs' figures: by state (fast burn first), then the least budget left; unmeasured ones last. */
export function worstSlo<T extends { errorBudget: { remainingRatio: number } | null; burnState: BurnState | null }>(list: readonly T[]): T | null {
  const rank = (f: T) => {
    const s = sloState(f);
    return s === null ? SERVICE_STATES.length : SERVICE_STATES.indexOf(s);
  };
  return [...list].sort((a, b) => rank(a) - rank(b) || (a.errorBudget?.remainingRatio ?? Infinity) - (b.errorBudget?.remainingRatio ?? Infinity))[0] ?? null;
}
