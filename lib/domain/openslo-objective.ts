/**
 * One OpenSLO objective as the SLO Nines would keep, or why it cannot (docs/decisions/0020).
 * Pure: the probes a service has are passed in.
 */
import type { ImportedObjective, ReadError } from "./openslo-read";
import type { Budgeting, Sli } from "./slo";

/** The incident record counts seconds; an OpenSLO slice can be no finer than a minute, so up to 1m reads as exact. */
const INCIDENT_SLICE_MAX_SECONDS = 60;
const SLO_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export type WantedSlo = { name: string; description: string; sli: Sli; budgeting: Budgeting; target: number; window: string };

export function describeSli(o: ImportedObjective): string {
  const s = o.sli;
  if (s.source === "prometheus") return `measured by Prometheus (${s.kind === "threshold" ? "a threshold query" : s.kind === "raw" ? "a raw ratio" : "a ratio of queries"})`;
  if (s.source === "probe") return `measured by the probe of ${s.url} (${s.kind === "latency" ? `latency within ${s.thresholdMs} ms` : "success"})`;
  return "from the incident record";
}

/** The SLO's name in Nines: the objective's, less its service's slug in front (`checkout-availability` → `availability`). */
export function sloNameOf(o: ImportedObjective): string {
  return o.name.startsWith(`${o.service}-`) && o.name.length > o.service.length + 1 ? o.name.slice(o.service.length + 1) : o.name;
}

/** Where an objective's SLI can be read from: the service's probes by URL, Nines' datasources by name, and the import's default datasource. */
export type Sources = { probesByUrl: ReadonlyMap<string, string>; datasourcesByName: ReadonlyMap<string, string>; defaultDatasource?: string };

/** The SLO an objective asks for, or the errors that stop it. */
export function wantedSlo(o: ImportedObjective, sources: Sources): WantedSlo | ReadError[] {
  const fail = (path: string, message: string): ReadError[] => [{ document: o.document, path, message }];
  const name = sloNameOf(o);
  if (!SLO_NAME.test(name) || name.length < 2 || name.length > 63) return fail("metadata.name", `'${name}' cannot be an SLO's name: 2 to 63 lowercase letters, digits and single hyphens`);
  const b = o.budgeting;
  const base = { name, description: o.description, target: o.target, window: o.window };
  if (o.sli.source === "incidents") {
    if (b.method !== "timeslices" || b.sliceTarget !== 1 || b.sliceSeconds > INCIDENT_SLICE_MAX_SECONDS) {
      return fail(b.method === "timeslices" ? `${o.path}.${b.sliceTarget !== 1 ? "timeSliceTarget" : "timeSliceWindow"}` : "spec.budgetingMethod", "The incident record is counted in time, to the second: budgetingMethod Timeslices with timeSliceTarget 1 and a slice of at most 1m");
    }
    return { ...base, sli: { source: "incidents" }, budgeting: { method: "time" } };
  }
  if (o.sli.source === "prometheus") {
    const q = o.sli;
    const name = q.datasource ?? sources.defaultDatasource;
    const datasource = name === undefined ? undefined : sources.datasourcesByName.get(name);
    if (!datasource) return fail(o.path, name === undefined ? `'${o.name}' is ${describeSli(o)}: say which registered datasource it reads, by its metricSourceRef or ?datasource=<name>` : `'${o.name}' reads the datasource '${name}', which Nines does not have: register it first (POST /api/v1/datasources)`);
    if (q.kind === "raw") return fail(o.path, `'${o.name}' is a raw ratio, which Nines does not compute: give good (or bad) over total`);
    if (q.kind === "ratio") {
      if (b.method !== "occurrences") return fail("spec.budgetingMethod", "A ratio of events is counted as Occurrences");
      return { ...base, sli: { source: "prometheus", datasource, kind: "ratio", total: q.total, ...(q.good === undefined ? {} : { good: q.good }), ...(q.bad === undefined ? {} : { bad: q.bad }) }, budgeting: { method: "occurrences" } };
    }
    if (b.method !== "timeslices") return fail("spec.budgetingMethod", "A threshold query is counted in Timeslices");
    if (b.sliceSeconds < 60 || 86_400 % b.sliceSeconds !== 0) return fail(`${o.path}.timeSliceWindow`, "A time slice is at least 1m and divides a day evenly (1m, 5m, 15m, 1h…)");
    return { ...base, sli: { source: "prometheus", datasource, kind: "threshold", query: q.query, op: q.op, threshold: q.threshold }, budgeting: { method: "timeslices", sliceSeconds: b.sliceSeconds, sliceTarget: b.sliceTarget } };
  }
  const probe = sources.probesByUrl.get(o.sli.url);
  if (!probe) return fail(o.path, `'${o.name}' is ${describeSli(o)}, and service '${o.service}' has no probe of that URL: add the probe first`);
  if (b.method === "ratioTimeslices") return fail("spec.budgetingMethod", "RatioTimeslices is not computed for probes: use Occurrences or Timeslices");
  if (b.method === "timeslices" && (b.sliceSeconds < 60 || 86_400 % b.sliceSeconds !== 0)) return fail(`${o.path}.timeSliceWindow`, "A probe's time slice is at least 1m and divides a day evenly (1m, 5m, 15m, 1h…)");
  const sli: Sli = o.sli.kind === "latency" ? { source: "probe", probe, kind: "latency", thresholdMs: o.sli.thresholdMs as number } : { source: "probe", probe, kind: "success" };
  return { ...base, sli, budgeting: b.method === "occurrences" ? { method: "occurrences" } : { method: "timeslices", sliceSeconds: b.sliceSeconds, sliceTarget: b.sliceTarget } };
}

/** Whether two SLIs measure the same thing (an SLO's SLI cannot change: another measure is another SLO). */
export function sameSli(a: Sli, b: Sli): boolean {
  if (a.source === "incidents" || b.source === "incidents") return a.source === b.source;
  if (a.source === "probe" || b.source === "probe") return a.source === "probe" && b.source === "probe" && a.probe === b.probe && a.kind === b.kind && (a.thresholdMs ?? null) === (b.thresholdMs ?? null);
  if (a.datasource !== b.datasource) return false;
  if (a.kind === "ratio" && b.kind === "ratio") return a.total === b.total && (a.good ?? null) === (b.good ?? null) && (a.bad ?? null) === (b.bad ?? null);
  return a.kind === "threshold" && b.kind === "threshold" && a.query === b.query && a.op === b.op && a.threshold === b.threshold;
}

export function sameBudgeting(a: Budgeting, b: Budgeting): boolean {
  if (a.method !== b.method) return false;
  return a.method !== "timeslices" || (b.method === "timeslices" && a.sliceSeconds === b.sliceSeconds && a.sliceTarget === b.sliceTarget);
}
