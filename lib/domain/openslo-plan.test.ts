import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { planOpenSlo, type PlannedService, type TierDefaults } from "./openslo-plan";
import { readOpenSlo } from "./openslo-read";

const fixture = (file: string) => readFileSync(join(__dirname, "../../tests/fixtures/openslo", file), "utf8");
const read = (text: string) => readOpenSlo(parseAllDocuments(text).map((d) => d.toJS()), "UTC");

const service = (slug: string, over: Partial<PlannedService> = {}): [string, PlannedService] => [slug, { slug, name: slug, description: "", sloTarget: 0.999, sloWindow: "month", maintenance: "count", ...over }];
const tiers = new Map<number, TierDefaults>([
  [2, { rank: 2, archived: false, sloTarget: 0.999, sloWindow: "month", maintenance: "count" }],
  [5, { rank: 5, archived: true, sloTarget: 0.99, sloWindow: "month", maintenance: "count" }],
]);
const incidentSlo = (svc: string, name: string, target = 0.9995, extra = "") =>
  `apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: ${name}${extra} }\nspec: { service: ${svc}, budgetingMethod: Timeslices, indicator: { metadata: { name: i }, spec: { thresholdMetric: { metricSource: { type: Nines, spec: { source: incidents } } } } }, timeWindow: [{ duration: 28d, isRolling: true }], objectives: [{ target: ${target}, timeSliceTarget: 1, timeSliceWindow: 1m }] }\n`;

describe("planning an OpenSLO import", () => {
  it("sets a service's target, window and maintenance rule from its objective on the incident record", () => {
    const plan = planOpenSlo(read(fixture("nines-sources.yaml")), new Map([service("billing")]), tiers, { createServices: false });
    expect(plan.changes).toEqual([
      { service: "billing", field: "sloTarget", from: 0.999, to: 0.9995 },
      { service: "billing", field: "sloWindow", from: "month", to: "quarter" },
      { service: "billing", field: "maintenance", from: "count", to: "exclude" },
    ]);
    // The probe's objective is named as not kept, not folded into availability.
    expect(plan.errors).toEqual([{ document: 3, path: "spec.objectives.0", message: expect.stringMatching(/^'billing-health' is measured by the probe of https:\/\/billing.example\/health \(latency under 300 ms\): .*not imported/) }]);
  });

  it("never maps a latency objective onto the availability target", () => {
    const plan = planOpenSlo(read(fixture("latency-threshold.yaml")), new Map([service("search")]), tiers, { createServices: false });
    expect(plan.changes).toEqual([]);
    expect(plan.errors.map((e) => [e.document, e.path])).toEqual([[3, "spec.objectives.0"], [3, "spec.objectives.1"]]);
    expect(plan.errors[0]?.message).toMatch(/measured by Prometheus \(a threshold query\)/);
  });

  it("names a service that does not exist, unless asked to create it, in the tier the SLO or the query names", () => {
    const docs = read(fixture("ratio-occurrences.yaml") + "---\n" + incidentSlo("web-checkout", "wc-availability", 0.999));
    expect(planOpenSlo(docs, new Map(), tiers, { createServices: false }).errors.map((e) => e.message)).toContain("No service has the slug 'web-checkout' (?createServices=true creates it)");
    expect(planOpenSlo(docs, new Map(), tiers, { createServices: true }).errors.map((e) => e.message)).toContain("Say which tier the new service 'web-checkout' is in: ?tier=<rank>, or the annotation nines.dev/tier on its SLO");
    const created = planOpenSlo(docs, new Map(), tiers, { createServices: true, tier: 2 });
    // Its target is the tier's, so it inherits; its rolling window is its own.
    expect(created.creates).toEqual([{ service: "web-checkout", name: "Web checkout", description: "Checkout for the web shop", tier: 2, sloTarget: null, sloWindow: "rolling:28d", maintenance: null }]);
    expect(planOpenSlo(docs, new Map(), tiers, { createServices: true, tier: 5 }).errors.map((e) => e.message)).toContain("Tier 5 is archived");
    expect(planOpenSlo(docs, new Map(), tiers, { createServices: true, tier: 7 }).errors.map((e) => e.message)).toContain("No tier has rank 7");
  });

  it("refuses a slug Nines cannot hold when creating", () => {
    const plan = planOpenSlo(read(incidentSlo("Web_Checkout", "x")), new Map(), tiers, { createServices: true, tier: 2 });
    expect(plan.errors).toEqual([{ document: 1, path: "spec.service", message: expect.stringMatching(/cannot be a service's slug/) }]);
  });

  it("keeps one objective from the incident record per service, and counts it in time", () => {
    const two = planOpenSlo(read(incidentSlo("a", "one") + "---\n" + incidentSlo("a", "two", 0.99)), new Map([service("a")]), tiers, { createServices: false });
    expect(two.errors).toEqual([{ document: 2, path: "spec.objectives.0", message: "Service 'a' already has its objective from the incident record in these documents ('one', document 1); a service has one" }]);
    const events = planOpenSlo(read(incidentSlo("a", "one").replace("Timeslices", "Occurrences")), new Map([service("a")]), tiers, { createServices: false });
    expect(events.errors.map((e) => e.path)).toEqual(["spec.budgetingMethod"]);
    const coarse = planOpenSlo(read(incidentSlo("a", "one").replace("timeSliceWindow: 1m", "timeSliceWindow: 5m")), new Map([service("a")]), tiers, { createServices: false });
    expect(coarse.errors.map((e) => e.path)).toEqual(["spec.objectives.0.timeSliceWindow"]);
  });

  it("changes nothing when the documents say what the services already have", () => {
    const plan = planOpenSlo(read(incidentSlo("a", "a-availability", 0.999).replace("28d, isRolling: true", "1M, isRolling: false")), new Map([service("a")]), tiers, { createServices: false });
    expect(plan).toEqual({ changes: [], creates: [], errors: [] });
  });
});
