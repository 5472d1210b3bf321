import { describe, expect, it } from "vitest";
import { budgetUnit, describeSli, sliceLengthSeconds, sloState, worstSlo } from "./slo";

describe("SLOs", () => {
  it("name their budget's unit and read slice lengths", () => {
    expect([budgetUnit({ method: "time" }), budgetUnit({ method: "occurrences" }), budgetUnit({ method: "timeslices", sliceSeconds: 60, sliceTarget: 1 })]).toEqual(["seconds", "events", "slices"]);
    expect([sliceLengthSeconds("5m"), sliceLengthSeconds("1h"), sliceLengthSeconds(120)]).toEqual([300, 3600, 120]);
  });

  it("say what they measure in words", () => {
    expect(describeSli({ source: "probe", kind: "latency", thresholdMs: 300, url: "https://x/health" })).toBe("Probe runs answered within 300 ms (https://x/health)");
    expect(describeSli({ source: "prometheus", datasource: "main", kind: "threshold", good: null, op: "lt", threshold: 0.5 })).toBe("Minutes whose value is below 0.5, from Prometheus 'main'");
  });

  it("rank the most pressing first: a fast burn, then an overspent budget, then the least left; unmeasured last", () => {
    const f = (name: string, remainingRatio: number | null, burnState: "fast_burn" | "slow_burn" | "ok" | null) => ({ name, errorBudget: remainingRatio === null ? null : { remainingRatio }, burnState });
    expect(sloState(f("a", -0.1, "ok"))).toBe("overspent");
    expect(sloState(f("a", null, null))).toBeNull();
    expect(worstSlo([f("healthy", 0.9, "ok"), f("unmeasured", null, null), f("low", 0.1, "ok"), f("burning", 0.8, "fast_burn")])?.name).toBe("burning");
    expect(worstSlo([f("healthy", 0.9, "ok"), f("lower", 0.5, "ok"), f("unmeasured", null, null)])?.name).toBe("lower");
    expect(worstSlo([])).toBeNull();
  });
});
