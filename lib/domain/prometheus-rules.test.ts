import { describe, expect, it } from "vitest";
import { errorRatioExpr, sloRuleGroup } from "./prometheus-rules";

const ratio = { source: "prometheus", datasource: "d", kind: "ratio", good: "sum(rate(ok[$window]))", total: "sum(rate(all[$window]))" } as const;

describe("Prometheus alerting rules of an SLO", () => {
  it("records the error ratio over each lookback the burn rules use, the query's $window filled in", () => {
    const group = sloRuleGroup({ service: "checkout", name: "success", target: 0.999, sli: ratio });
    const records = group.rules.filter((r) => "record" in r);
    expect(records.map((r) => ("record" in r ? r.record : ""))).toEqual(["nines:slo_error_ratio:rate1h", "nines:slo_error_ratio:rate5m", "nines:slo_error_ratio:rate6h", "nines:slo_error_ratio:rate30m", "nines:slo_error_ratio:rate1d", "nines:slo_error_ratio:rate2h", "nines:slo_error_ratio:rate3d"]);
    expect(records[0]?.expr).toBe("1 - ((sum(rate(ok[1h]))) / (sum(rate(all[1h]))))");
    expect(errorRatioExpr({ ...ratio, good: undefined, bad: "sum(rate(err[$window]))" }, 300)).toBe("(sum(rate(err[5m]))) / (sum(rate(all[5m])))");
    expect(errorRatioExpr({ source: "prometheus", datasource: "d", kind: "threshold", query: "latency_p99", op: "lt", threshold: 0.5 }, 3600)).toBe("1 - avg_over_time(((latency_p99) < bool 0.5)[1h:1m])");
  });

  it("pages on 14.4× over 1 h and 5 min or 6× over 6 h and 30 min, and tickets on 3× over 1 d and 2 h or 1× over 3 d and 6 h", () => {
    const group = sloRuleGroup({ service: "checkout", name: "success", target: 0.999, sli: ratio });
    const alerts = group.rules.filter((r) => "alert" in r);
    const sel = '{service="checkout",slo="success"}';
    expect(alerts.map((a) => [("alert" in a ? a.alert : ""), a.labels.severity, a.expr])).toEqual([
      ["NinesSLOFastBurn", "page", `(nines:slo_error_ratio:rate1h${sel} > 14.4 * 0.001 and nines:slo_error_ratio:rate5m${sel} > 14.4 * 0.001) or (nines:slo_error_ratio:rate6h${sel} > 6 * 0.001 and nines:slo_error_ratio:rate30m${sel} > 6 * 0.001)`],
      ["NinesSLOSlowBurn", "ticket", `(nines:slo_error_ratio:rate1d${sel} > 3 * 0.001 and nines:slo_error_ratio:rate2h${sel} > 3 * 0.001) or (nines:slo_error_ratio:rate3d${sel} > 1 * 0.001 and nines:slo_error_ratio:rate6h${sel} > 1 * 0.001)`],
    ]);
  });
});
