import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { readOpenSlo } from "./openslo-read";

// The fixtures are written in the shapes of the OpenSLO project's examples (tests/fixtures/openslo).
const read = (file: string, zone = "UTC") => readOpenSlo(parseAllDocuments(readFileSync(join(__dirname, "../../tests/fixtures/openslo", file), "utf8")).map((d) => d.toJS()), zone);
const yaml = (text: string) => readOpenSlo(parseAllDocuments(text).map((d) => d.toJS()), "UTC");

describe("reading OpenSLO documents", () => {
  it("reads a Prometheus ratio with an inline indicator, a 2w rolling window and Occurrences", () => {
    const r = read("ratio-occurrences.yaml");
    expect(r.errors).toEqual([]);
    expect(r.services).toEqual([{ document: 1, slug: "web-checkout", displayName: "Web checkout", description: "Checkout for the web shop" }]);
    expect(r.objectives).toEqual([
      expect.objectContaining({
        service: "web-checkout", name: "checkout-success", target: 0.99, window: "rolling:14d", budgeting: { method: "occurrences" },
        sli: { source: "prometheus", datasource: undefined, kind: "ratio", good: 'sum(rate(http_requests_total{job="checkout",code!~"5.."}[$window]))', total: 'sum(rate(http_requests_total{job="checkout"}[$window]))' },
      }),
    ]);
  });

  it("makes each objective of a threshold SLO an objective of its own, the SLI named by reference through a DataSource", () => {
    const r = read("latency-threshold.yaml");
    expect(r.errors).toEqual([]);
    const query = "histogram_quantile(0.99, sum by (le) (rate(search_duration_seconds_bucket[$window])))";
    expect(r.objectives.map((o) => [o.name, o.target, o.window, o.budgeting, o.sli])).toEqual([
      ["search-latency-under-500-ms", 0.99, "month", { method: "timeslices", sliceSeconds: 300, sliceTarget: 0.95 }, { source: "prometheus", datasource: "prom-eu", kind: "threshold", query, op: "lt", threshold: 0.5 }],
      ["search-latency-under-2-s", 0.999, "month", { method: "timeslices", sliceSeconds: 300, sliceTarget: 1 }, { source: "prometheus", datasource: "prom-eu", kind: "threshold", query, op: "lte", threshold: 2 }],
    ]);
    expect(r.objectives[0]?.sliAt).toEqual({ document: 2, path: "spec" });
  });

  it("reads a raw ratio, and names the metric source and the reference it cannot follow", () => {
    const r = read("raw-and-unsupported.yaml");
    expect(r.objectives.map((o) => o.sli)).toEqual([{ source: "prometheus", datasource: undefined, kind: "raw", query: "sum(rate(api_errors_total[$window])) / sum(rate(api_requests_total[$window]))", rawType: "failure" }]);
    expect(r.errors).toEqual([
      { document: 2, path: "spec.indicator.spec.thresholdMetric.metricSource.type", message: "Nines reads metric sources of type Prometheus or Nines; 'datadog' is not computed" },
      { document: 3, path: "spec.indicatorRef", message: "No SLI named 'no-such-sli' in these documents" },
    ]);
  });

  it("reads Nines' own sources: the incident record and a probe", () => {
    const r = read("nines-sources.yaml");
    expect(r.errors).toEqual([]);
    expect(r.objectives.map((o) => [o.name, o.window, o.sli, o.annotations])).toEqual([
      ["billing-availability", "quarter", { source: "incidents" }, { "nines.dev/maintenance": "exclude", "nines.dev/tier": "2" }],
      ["billing-health", "rolling:28d", { source: "probe", url: "https://billing.example/health", kind: "latency", thresholdMs: 300 }, {}],
    ]);
  });

  it("still reads the incident SLI name Nines exported before it wrote the SLI document", () => {
    const r = yaml(`apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: a-availability }\nspec: { service: a, indicatorRef: nines-availability, budgetingMethod: Timeslices, timeWindow: [{ duration: 30d, isRolling: true }], objectives: [{ target: 0.999, timeSliceTarget: 1, timeSliceWindow: 1m }] }\n`);
    expect(r.errors).toEqual([]);
    expect(r.objectives[0]?.sli).toEqual({ source: "incidents" });
  });

  it("says an SLI document's error once, however many SLOs name it, on the SLI's own document", () => {
    const slo = (name: string) => `apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: ${name} }\nspec: { service: a, indicatorRef: broken, budgetingMethod: Occurrences, timeWindow: [{ duration: 7d, isRolling: true }], objectives: [{ target: 0.99 }] }\n`;
    const r = yaml(`apiVersion: openslo/v1\nkind: SLI\nmetadata: { name: broken }\nspec: { ratioMetric: { total: { metricSource: { type: Prometheus, spec: { query: up } } } } }\n---\n${slo("one")}---\n${slo("two")}`);
    expect(r.errors).toEqual([{ document: 1, path: "spec.ratioMetric", message: "A ratio has exactly one of good and bad" }]);
  });

  it.each([
    ["a threshold objective without op", "{ target: 0.99, value: 1 }", "spec.objectives.0.op"],
    ["a target of 1", "{ target: 1, op: lt, value: 1 }", "spec.objectives.0.target"],
    ["a targetPercent of 40", "{ targetPercent: 40, op: lt, value: 1 }", "spec.objectives.0.targetPercent"],
    ["a composite objective", "{ target: 0.99, op: lt, value: 1, indicatorRef: other }", "spec.objectives.0.indicatorRef"],
  ])("names the field of %s", (_, objective, path) => {
    const r = yaml(`apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: s }\nspec: { service: a, budgetingMethod: Occurrences, indicator: { metadata: { name: i }, spec: { thresholdMetric: { metricSource: { type: Prometheus, spec: { query: up } } } } }, timeWindow: [{ duration: 7d, isRolling: true }], objectives: [${objective}] }\n`);
    expect(r.objectives).toEqual([]);
    expect(r.errors.map((e) => e.path)).toEqual([path]);
  });

  it("refuses kinds it does not read and documents that are not OpenSLO v1", () => {
    const r = yaml("apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata: { name: p }\n---\napiVersion: openslo/v1alpha\nkind: SLO\nmetadata: { name: s }\n---\n- just a list\n");
    expect(r.errors.map((e) => [e.document, e.path])).toEqual([[1, "kind"], [2, "apiVersion"], [3, "apiVersion"]]);
  });
});
