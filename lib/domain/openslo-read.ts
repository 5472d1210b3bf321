/**
 * OpenSLO v1 documents read into the objectives they describe, in Nines' terms, with every error
 * by document and field. Pure: the caller parses the YAML and decides what to do with each
 * objective (docs/decisions/0020-openslo-import.md).
 *
 * Read: `Service`, `SLI`, `SLO` (an inline `indicator` or an `indicatorRef` to an SLI in the same
 * file), `DataSource` (a `metricSourceRef` names one), `thresholdMetric` and `ratioMetric`
 * (good or bad over total, or `raw`), metric sources `Prometheus` (`spec.query`) and `Nines`
 * (`spec.source`: `incidents`, or `probe` with its URL), every budgeting method, durations in
 * m/h/d/w/M/Q/Y, and several objectives per SLO (each one an objective of its own).
 */
import { fromOpenSloWindow, sliceSeconds } from "./openslo";
import { parsePercentText, SLO_TARGET_MAX, SLO_TARGET_MIN } from "./percent-input";

export type ImportedSli =
  | { source: "incidents" }
  | { source: "probe"; url: string; kind: "success" | "latency"; thresholdMs?: number }
  | { source: "prometheus"; datasource?: string; kind: "ratio"; good?: string; bad?: string; total: string }
  | { source: "prometheus"; datasource?: string; kind: "raw"; query: string; rawType: "success" | "failure" }
  | { source: "prometheus"; datasource?: string; kind: "threshold"; query: string; op: "lt" | "lte" | "gt" | "gte"; threshold: number };

export type ImportedBudgeting = { method: "occurrences" } | { method: "timeslices"; sliceSeconds: number; sliceTarget: number } | { method: "ratioTimeslices"; sliceSeconds: number };

export type ImportedObjective = {
  /** 1 = the first document of the file; `path` is the objective's own field. */
  document: number;
  path: string;
  /** Where the SLI was read: the SLO's inline indicator, or the SLI document it names. */
  sliAt: { document: number; path: string };
  service: string;
  sloName: string;
  /** The SLO's name, or with several objectives the SLO's name and the objective's displayName (or position). */
  name: string;
  displayName: string;
  description: string;
  target: number;
  window: string;
  budgeting: ImportedBudgeting;
  sli: ImportedSli;
  annotations: Record<string, string>;
};

export type ImportedService = { document: number; slug: string; displayName?: string; description?: string };
export type ReadError = { document: number; path: string; message: string };
export type OpenSloRead = { services: ImportedService[]; objectives: ImportedObjective[]; errors: ReadError[] };

type Doc = Record<string, unknown>;
const obj = (v: unknown): Doc => (v && typeof v === "object" && !Array.isArray(v) ? (v as Doc) : {});
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** Nines wrote this name for its incident SLI before the SLI document was exported; still read. */
export const LEGACY_INCIDENT_SLI = "nines-availability";

export function slugPart(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "objective";
}

type SourceRead = { type: string; spec: Doc; datasource?: string } | { error: string; at: string };

function metricSource(m: Doc, at: string, dataSources: Map<string, string>): SourceRead {
  const ms = obj(m.metricSource);
  const ref = text(ms.metricSourceRef);
  let type = text(ms.type);
  if (ref && !type) {
    type = dataSources.get(ref);
    if (!type) return { error: `No DataSource named '${ref}' in these documents`, at: `${at}.metricSource.metricSourceRef` };
  }
  if (!type) return { error: "Name the metric source: type Prometheus or Nines", at: `${at}.metricSource.type` };
  return { type: type.toLowerCase(), spec: obj(ms.spec), datasource: ref };
}

type Objective = { op?: unknown; value?: unknown };

/** The SLI an indicator's spec describes, or why Nines cannot compute it. */
function readSli(spec: Doc, where: { document: number; at: string }, objective: { document: number; at: string } & Objective, dataSources: Map<string, string>): ImportedSli | ReadError[] {
  const at = where.at;
  const objectivePath = objective.at;
  const fail = (path: string, message: string): ReadError[] => [{ document: path.startsWith(objectivePath) ? objective.document : where.document, path, message }];
  const threshold = obj(spec.thresholdMetric);
  const ratio = obj(spec.ratioMetric);
  const isThreshold = spec.thresholdMetric !== undefined;
  if (!isThreshold && spec.ratioMetric === undefined) return fail(at, "An indicator has a thresholdMetric or a ratioMetric");
  const first = isThreshold ? metricSource(threshold, `${at}.thresholdMetric`, dataSources) : metricSource(obj(ratio.total ?? ratio.raw ?? ratio.good ?? ratio.bad), `${at}.ratioMetric.${ratio.total ? "total" : ratio.raw ? "raw" : ratio.good ? "good" : "bad"}`, dataSources);
  if ("error" in first) return fail(first.at, first.error);
  if (first.type === "nines") {
    const source = first.spec.source;
    if (source === "incidents") return { source: "incidents" };
    if (source === "probe") {
      const url = text(first.spec.url);
      const kind = first.spec.kind ?? "success";
      if (!url) return fail(`${at}.${isThreshold ? "thresholdMetric" : "ratioMetric"}.metricSource.spec.url`, "A probe SLI names the probe's URL");
      if (kind !== "success" && kind !== "latency") return fail(`${at}.thresholdMetric.metricSource.spec.kind`, "Must be success or latency");
      const thresholdMs = first.spec.thresholdMs;
      if (kind === "latency" && !(typeof thresholdMs === "number" && Number.isInteger(thresholdMs) && thresholdMs > 0)) return fail(`${at}.thresholdMetric.metricSource.spec.thresholdMs`, "A latency SLI names its threshold in whole milliseconds");
      return kind === "latency" ? { source: "probe", url, kind, thresholdMs: thresholdMs as number } : { source: "probe", url, kind };
    }
    return fail(`${at}.${isThreshold ? "thresholdMetric" : "ratioMetric"}.metricSource.spec.source`, "A Nines metric source is incidents or probe");
  }
  if (first.type !== "prometheus") {
    return fail(`${at}.${isThreshold ? "thresholdMetric" : "ratioMetric"}.metricSource.type`, `Nines reads metric sources of type Prometheus or Nines; '${first.type}' is not computed`);
  }
  const query = (m: unknown, path: string): string | ReadError[] => {
    const s = metricSource(obj(m), path, dataSources);
    if ("error" in s) return fail(s.at, s.error);
    if (s.type !== "prometheus") return fail(`${path}.metricSource.type`, "Every query of one SLI comes from the same Prometheus");
    return text(s.spec.query) ?? fail(`${path}.metricSource.spec.query`, "A Prometheus metric source has its PromQL in spec.query");
  };
  if (isThreshold) {
    const q = query(threshold, `${at}.thresholdMetric`);
    if (typeof q !== "string") return q;
    const op = objective.op;
    if (op !== "lt" && op !== "lte" && op !== "gt" && op !== "gte") return fail(`${objectivePath}.op`, "A threshold SLI's objective has op: lt, lte, gt or gte");
    if (typeof objective.value !== "number" || !Number.isFinite(objective.value)) return fail(`${objectivePath}.value`, "A threshold SLI's objective has a value to compare with (a number)");
    return { source: "prometheus", datasource: first.datasource, kind: "threshold", query: q, op, threshold: objective.value };
  }
  if (ratio.raw !== undefined) {
    const q = query(ratio.raw, `${at}.ratioMetric.raw`);
    if (typeof q !== "string") return q;
    const rawType = ratio.rawType;
    if (rawType !== "success" && rawType !== "failure") return fail(`${at}.ratioMetric.rawType`, "A raw ratio has rawType success or failure");
    return { source: "prometheus", datasource: first.datasource, kind: "raw", query: q, rawType };
  }
  if (ratio.total === undefined) return fail(`${at}.ratioMetric.total`, "A ratio has a total (and good or bad), or a raw ratio");
  if ((ratio.good === undefined) === (ratio.bad === undefined)) return fail(`${at}.ratioMetric`, "A ratio has exactly one of good and bad");
  const total = query(ratio.total, `${at}.ratioMetric.total`);
  if (typeof total !== "string") return total;
  const part = ratio.good !== undefined ? "good" : "bad";
  const q = query(ratio[part], `${at}.ratioMetric.${part}`);
  if (typeof q !== "string") return q;
  return { source: "prometheus", datasource: first.datasource, kind: "ratio", [part]: q, total } as ImportedSli;
}

function readBudgeting(method: unknown, o: Doc, at: string, sloAt: string, document: number): ImportedBudgeting | ReadError[] {
  const fail = (path: string, message: string): ReadError[] => [{ document, path, message }];
  if (method === "Occurrences") return { method: "occurrences" };
  if (method !== "Timeslices" && method !== "RatioTimeslices") return fail(`${sloAt}.budgetingMethod`, "Must be Occurrences, Timeslices or RatioTimeslices");
  const slice = sliceSeconds(o.timeSliceWindow);
  if (slice === null || slice > 86_400) return fail(`${at}.timeSliceWindow`, "A time slice is a duration from 1s to 1d, e.g. 1m or 60");
  if (method === "RatioTimeslices") return { method: "ratioTimeslices", sliceSeconds: slice };
  const t = o.timeSliceTarget;
  if (!(typeof t === "number" && t > 0 && t <= 1)) return fail(`${at}.timeSliceTarget`, "A slice's target is a number above 0 and at most 1");
  return { method: "timeslices", sliceSeconds: slice, sliceTarget: t };
}

/** Reads parsed documents (`null` for a document that is not YAML: pass its message in `yamlErrors`). */
export function readOpenSlo(docs: unknown[], organisationZone: string, yamlErrors: Map<number, string> = new Map()): OpenSloRead {
  const errors: ReadError[] = [];
  const services: ImportedService[] = [];
  const objectives: ImportedObjective[] = [];
  const slis = new Map<string, { document: number; spec: Doc }>();
  const dataSources = new Map<string, string>();
  const slos: { n: number; d: Doc }[] = [];
  docs.forEach((raw, i) => {
    const n = i + 1;
    const bad = yamlErrors.get(n);
    if (bad) return errors.push({ document: n, path: "", message: `Not YAML: ${bad}` });
    const d = obj(raw);
    if (!raw || typeof raw !== "object") return errors.push({ document: n, path: "", message: "Must be an OpenSLO document" });
    if (d.apiVersion !== "openslo/v1") return errors.push({ document: n, path: "apiVersion", message: "Must be openslo/v1" });
    const meta = obj(d.metadata);
    const name = text(meta.name);
    if (!name) return errors.push({ document: n, path: "metadata.name", message: "Required" });
    if (d.kind === "Service") return services.push({ document: n, slug: name, displayName: text(meta.displayName), description: typeof obj(d.spec).description === "string" ? (obj(d.spec).description as string) : undefined });
    if (d.kind === "SLI") return slis.set(name, { document: n, spec: obj(d.spec) });
    if (d.kind === "DataSource") return dataSources.set(name, String(obj(d.spec).type ?? ""));
    if (d.kind === "SLO") return slos.push({ n, d });
    errors.push({ document: n, path: "kind", message: "Must be Service, SLI, SLO or DataSource (alert policies and conditions are not imported)" });
  });
  for (const { n, d } of slos) {
    const meta = obj(d.metadata);
    const spec = obj(d.spec);
    const sloName = text(meta.name) as string;
    const err = (path: string, message: string) => errors.push({ document: n, path, message });
    // Every field is checked, so one reading names all that is wrong with the document.
    const before = errors.length;
    const service = text(spec.service);
    if (!service) err("spec.service", "Required: the service this SLO is for");
    const tw = Array.isArray(spec.timeWindow) ? spec.timeWindow : [];
    const window = tw.length === 1 ? fromOpenSloWindow(obj(tw[0]), organisationZone) : { field: "duration" as const, error: "" };
    if (tw.length !== 1) err("spec.timeWindow", "An SLO has exactly one time window");
    else if ("error" in window) err(`spec.timeWindow.0${window.field === "duration" ? "" : `.${window.field}`}`, window.error);
    let indicatorSpec: Doc | undefined;
    let sliAt = { document: n, path: "spec.indicator.spec" };
    const ref = text(spec.indicatorRef);
    if (spec.indicator !== undefined) indicatorSpec = obj(obj(spec.indicator).spec);
    else if (ref === LEGACY_INCIDENT_SLI && !slis.has(ref)) indicatorSpec = { thresholdMetric: { metricSource: { type: "Nines", spec: { source: "incidents" } } } };
    else if (ref) {
      const sli = slis.get(ref);
      if (!sli) err("spec.indicatorRef", `No SLI named '${ref}' in these documents`);
      else {
        indicatorSpec = sli.spec;
        sliAt = { document: sli.document, path: "spec" };
      }
    } else err("spec.indicator", "An SLO has an indicator or an indicatorRef");
    const list = Array.isArray(spec.objectives) ? spec.objectives : [];
    if (list.length === 0) err("spec.objectives", "An SLO has at least one objective");
    const sloBroken = errors.length > before;
    const annotations = Object.fromEntries(Object.entries(obj(meta.annotations)).filter(([, v]) => typeof v === "string")) as Record<string, string>;
    list.forEach((raw, i) => {
      const o = obj(raw);
      const at = `spec.objectives.${i}`;
      if (o.indicator !== undefined || o.indicatorRef !== undefined) return err(`${at}.indicatorRef`, "Composite SLOs (an indicator per objective) are not computed");
      const target = typeof o.target === "number" ? o.target : typeof o.targetPercent === "number" ? (parsePercentText(String(o.targetPercent)) ?? Number.NaN) : undefined;
      if (target === undefined) return err(`${at}.target`, "Required: a target from 0.5 to 0.9999999, or targetPercent");
      if (!(target >= SLO_TARGET_MIN && target <= SLO_TARGET_MAX)) return err(`${at}.${typeof o.target === "number" ? "target" : "targetPercent"}`, "Must be at least 0.5 (50 %) and below 1 (100 % leaves no error budget); at most 0.9999999");
      const budgeting = readBudgeting(spec.budgetingMethod, o, at, "spec", n);
      if (Array.isArray(budgeting)) return errors.push(...budgeting);
      if (!indicatorSpec || "error" in window) return;
      const sli = readSli(indicatorSpec, { document: sliAt.document, at: sliAt.path }, { document: n, at, op: o.op, value: o.value }, dataSources);
      if (Array.isArray(sli)) return errors.push(...sli);
      if (sloBroken || !service) return;
      const label = text(o.displayName);
      const name = list.length === 1 ? sloName : `${sloName}-${label ? slugPart(label) : i + 1}`;
      objectives.push({
        document: n, path: at, sliAt: sliAt, service, sloName, name,
        displayName: label ?? text(meta.displayName) ?? sloName,
        description: typeof spec.description === "string" ? spec.description : "",
        target, window: window.window, budgeting, sli, annotations,
      });
    });
  }
  const seen = new Map<string, ImportedObjective>();
  for (const o of objectives) {
    const key = `${o.service}/${o.name}`;
    const other = seen.get(key);
    if (other) errors.push({ document: o.document, path: "metadata.name", message: `Two objectives of service '${o.service}' are named '${o.name}' (the other in document ${other.document})` });
    seen.set(key, o);
  }
  // An SLI document that two objectives name is read twice: its errors are said once.
  const unique = [...new Map(errors.map((e) => [`${e.document}\u0000${e.path}\u0000${e.message}`, e])).values()];
  unique.sort((a, b) => a.document - b.document);
  return { services, objectives, errors: unique };
}
