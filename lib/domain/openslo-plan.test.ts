import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { planOpenSlo, type PlannedService, type PlannedSlo, type TierDefaults } from "./openslo-plan";
import { readOpenSlo } from "./openslo-read";

const fixture = (file: string) => readFileSync(join(__dirname, "../../tests/fixtures/openslo", file), "utf8");
const read = (text: string) => readOpenSlo(parseAllDocuments(text).map((d) => d.toJS()), "UTC");

const objective = { sloTarget: 0.999, sloWindow: "month", maintenance: "count" as const };
const service = (slug: string, over: Partial<PlannedService> = {}): [string, PlannedService] => [slug, { slug, name: slug, description: "", ...objective, slos: new Map(), probesByUrl: new Map(), tierDefaults: objective, ...over }];
const tiers = new Map<number, TierDefaults>([
  [2, { rank: 2, archived: false, ...objective }],
  [5, { rank: 5, archived: true, sloTarget: 0.99, sloWindow: "month", maintenance: "count" }],
]);
const incidentSlo = (svc: string, name: string, target = 0.9995, extra = "") =>
  `apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: ${name}${extra} }\nspec: { service: ${svc}, budgetingMethod: Timeslices, indicator: { metadata: { name: i }, spec: { thresholdMetric: { metricSource: { type: Nines, spec: { source: incidents } } } } }, timeWindow: [{ duration: 28d, isRolling: true }], objectives: [{ target: ${target}, timeSliceTarget: 1, timeSliceWindow: 1m }] }\n`;
const none = { createServices: false };

describe("planning an OpenSLO import", () => {
  it("sets a service's own objective from its 'availability' objective, and adds the probe's as an SLO of its own", () => {
    const plan = planOpenSlo(read(fixture("nines-sources.yaml")), new Map([service("billing", { probesByUrl: new Map([["https://billing.example/health", "p1"]]) })]), tiers, none);
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toEqual([
      { service: "billing", field: "sloTarget", from: 0.999, to: 0.9995 },
      { service: "billing", field: "sloWindow", from: "month", to: "quarter" },
      { service: "billing", field: "maintenance", from: "count", to: "exclude" },
    ]);
    expect(plan.sloCreates).toEqual([
      { service: "billing", name: "health", description: "", sli: { source: "probe", probe: "p1", kind: "latency", thresholdMs: 300 }, budgeting: { method: "occurrences" }, target: 0.99, window: "rolling:28d", maintenance: null },
    ]);
  });

  it("names a probe objective whose URL the service does not probe", () => {
    const plan = planOpenSlo(read(fixture("nines-sources.yaml")), new Map([service("billing")]), tiers, none);
    expect(plan.errors).toEqual([{ document: 3, path: "spec.objectives.0", message: expect.stringMatching(/measured by the probe of https:\/\/billing.example\/health \(latency within 300 ms\), and service 'billing' has no probe of that URL/) }]);
  });

  it("makes each Prometheus objective an SLO of its own, reading the datasource its metricSourceRef names", () => {
    const query = "histogram_quantile(0.99, sum by (le) (rate(search_duration_seconds_bucket[$window])))";
    const plan = planOpenSlo(read(fixture("latency-threshold.yaml")), new Map([service("search")]), tiers, none, new Map([["prom-eu", "ds1"]]));
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.sloCreates.map((c) => [c.name, c.target, c.window, c.sli, c.budgeting])).toEqual([
      ["latency-under-500-ms", 0.99, null, { source: "prometheus", datasource: "ds1", kind: "threshold", query, op: "lt", threshold: 0.5 }, { method: "timeslices", sliceSeconds: 300, sliceTarget: 0.95 }],
      // 99.9 % and a month are the tier's: the new SLO inherits them.
      ["latency-under-2-s", null, null, { source: "prometheus", datasource: "ds1", kind: "threshold", query, op: "lte", threshold: 2 }, { method: "timeslices", sliceSeconds: 300, sliceTarget: 1 }],
    ]);
  });

  it("names a Prometheus objective whose datasource Nines does not have, and a raw ratio it does not compute", () => {
    const plan = planOpenSlo(read(fixture("latency-threshold.yaml")), new Map([service("search")]), tiers, none);
    expect(plan.errors.map((e) => [e.document, e.path])).toEqual([[3, "spec.objectives.0"], [3, "spec.objectives.1"]]);
    expect(plan.errors[0]?.message).toMatch(/reads the datasource 'prom-eu', which Nines does not have/);
    const raw = planOpenSlo(read(fixture("raw-and-unsupported.yaml")), new Map([service("api")]), tiers, { createServices: false, datasource: "main" }, new Map([["main", "ds1"]]));
    expect(raw.errors[0]).toEqual({ document: 1, path: "spec.objectives.0", message: expect.stringMatching(/raw ratio, which Nines does not compute/) });
  });

  it("a ratio from Prometheus is counted as occurrences, in the datasource the import names", () => {
    const plan = planOpenSlo(read(fixture("ratio-occurrences.yaml")), new Map([service("web-checkout")]), tiers, { createServices: false, datasource: "main" }, new Map([["main", "ds1"]]));
    expect(plan.errors).toEqual([]);
    expect(plan.sloCreates).toEqual([expect.objectContaining({ name: "checkout-success", target: 0.99, window: "rolling:14d", budgeting: { method: "occurrences" }, sli: expect.objectContaining({ source: "prometheus", datasource: "ds1", kind: "ratio" }) })]);
  });

  it("an objective from the incident record under another name is another SLO of the service", () => {
    const plan = planOpenSlo(read(incidentSlo("a", "a-availability") + "---\n" + incidentSlo("a", "a-weekly", 0.99)), new Map([service("a")]), tiers, none);
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((c) => c.field)).toEqual(["sloTarget", "sloWindow"]);
    expect(plan.sloCreates).toEqual([{ service: "a", name: "weekly", description: "", sli: { source: "incidents" }, budgeting: { method: "time" }, target: 0.99, window: "rolling:28d", maintenance: null }]);
  });

  it("changes an SLO it already has, and refuses to change what it measures", () => {
    const weekly: PlannedSlo = { id: "s1", version: 3, name: "weekly", description: "", sli: { source: "incidents" }, budgeting: { method: "time" }, target: 0.995, window: "rolling:28d", maintenance: "count" };
    const svc = service("a", { slos: new Map([["weekly", weekly]]) });
    expect(planOpenSlo(read(incidentSlo("a", "a-weekly", 0.99)), new Map([svc]), tiers, none).sloChanges).toEqual([{ service: "a", slo: "weekly", field: "target", from: 0.995, to: 0.99 }]);
    const probeWeekly = service("a", { slos: new Map([["weekly", { ...weekly, sli: { source: "probe", probe: "p", kind: "success" } }]]) });
    expect(planOpenSlo(read(incidentSlo("a", "a-weekly", 0.99)), new Map([probeWeekly]), tiers, none).errors[0]?.message).toMatch(/measures something else/);
  });

  it("names a service that does not exist, unless asked to create it, in the tier the SLO or the query names", () => {
    const docs = read(fixture("ratio-occurrences.yaml").split("---\n")[0] + "---\n" + incidentSlo("web-checkout", "web-checkout-availability", 0.999));
    expect(planOpenSlo(docs, new Map(), tiers, none).errors.map((e) => e.message)).toContain("No service has the slug 'web-checkout' (?createServices=true creates it)");
    expect(planOpenSlo(docs, new Map(), tiers, { createServices: true }).errors.map((e) => e.message)).toContain("Say which tier the new service 'web-checkout' is in: ?tier=<rank>, or the annotation nines.dev/tier on its SLO");
    const created = planOpenSlo(docs, new Map(), tiers, { createServices: true, tier: 2 });
    // Its target is the tier's, so it inherits; its rolling window is its own.
    expect(created.creates).toEqual([{ service: "web-checkout", name: "Web checkout", description: "Checkout for the web shop", tier: 2, sloTarget: null, sloWindow: "rolling:28d", maintenance: null }]);
    expect(planOpenSlo(docs, new Map(), tiers, { createServices: true, tier: 5 }).errors.map((e) => e.message)).toContain("Tier 5 is archived");
    expect(planOpenSlo(docs, new Map(), tiers, { createServices: true, tier: 7 }).errors.map((e) => e.message)).toContain("No tier has rank 7");
  });

  it("names an objective whose name an archived SLO of the service holds", () => {
    const plan = planOpenSlo(read(incidentSlo("a", "a-weekly", 0.99)), new Map([service("a", { archivedSloNames: new Set(["weekly"]) })]), tiers, none);
    expect(plan.errors).toEqual([{ document: 1, path: "metadata.name", message: expect.stringMatching(/archived SLO named 'weekly'/) }]);
  });

  it("refuses a slug or an SLO name Nines cannot hold", () => {
    expect(planOpenSlo(read(incidentSlo("Web_Checkout", "x-availability")), new Map(), tiers, { createServices: true, tier: 2 }).errors).toEqual([{ document: 1, path: "spec.service", message: expect.stringMatching(/cannot be a service's slug/) }]);
    expect(planOpenSlo(read(incidentSlo("a", "Weekly_SLO")), new Map([service("a")]), tiers, none).errors).toEqual([{ document: 1, path: "metadata.name", message: expect.stringMatching(/cannot be an SLO's name/) }]);
  });

  it("counts the incident record in time, and one objective per SLO name", () => {
    const events = planOpenSlo(read(incidentSlo("a", "a-availability").replace("Timeslices", "Occurrences")), new Map([service("a")]), tiers, none);
    expect(events.errors.map((e) => e.path)).toEqual(["spec.budgetingMethod"]);
    const coarse = planOpenSlo(read(incidentSlo("a", "a-availability").replace("timeSliceWindow: 1m", "timeSliceWindow: 5m")), new Map([service("a")]), tiers, none);
    expect(coarse.errors.map((e) => e.path)).toEqual(["spec.objectives.0.timeSliceWindow"]);
    const twice = planOpenSlo(read(incidentSlo("a", "a-weekly") + "---\n" + incidentSlo("a", "weekly", 0.99)), new Map([service("a")]), tiers, none);
    expect(twice.errors).toEqual([{ document: 2, path: "metadata.name", message: "Two objectives name SLO 'weekly' of service 'a'" }]);
  });

  it("changes nothing when the documents say what the services already have", () => {
    const plan = planOpenSlo(read(incidentSlo("a", "a-availability", 0.999).replace("28d, isRolling: true", "1M, isRolling: false")), new Map([service("a")]), tiers, none);
    expect(plan).toEqual({ changes: [], creates: [], sloChanges: [], sloCreates: [], errors: [] });
  });
});
