import { describe, expect, it } from "vitest";
import { budgetState, BURN_RULES, burnState, describeBurnRule, SERVICE_STATES, serviceState } from "./burn-state";
import type { BurnLookback } from "./error-budget";

const rates = (over: Partial<Record<BurnLookback, number>>) => ({ "5m": 0, "30m": 0, "1h": 0, "2h": 0, "6h": 0, "1d": 0, "3d": 0, ...over });

describe("burnState: the workbook's multi-window rules", () => {
  it.each<[string, Partial<Record<BurnLookback, number>>, string]>([
    ["nothing burning", {}, "ok"],
    ["1h and 5m above 14.4", { "1h": 15, "5m": 20 }, "fast_burn"],
    ["1h above, but the 5m window has cooled: it has stopped", { "1h": 15, "5m": 2 }, "ok"],
    ["exactly at the threshold does not fire", { "1h": 14.4, "5m": 14.4 }, "ok"],
    ["6h and 30m above 6", { "6h": 7, "30m": 9 }, "fast_burn"],
    ["1d and 2h above 3", { "1d": 3.5, "2h": 4 }, "slow_burn"],
    ["3d and 6h above 1", { "3d": 1.2, "6h": 1.5 }, "slow_burn"],
    ["both fast and slow: fast wins", { "1h": 20, "5m": 20, "1d": 5, "2h": 5 }, "fast_burn"],
  ])("%s → %s", (_, over, state) => expect(burnState(rates(over)).state).toBe(state));

  it("names the rule that fired", () => {
    expect(burnState(rates({ "6h": 7, "30m": 9 })).rule).toEqual({ state: "fast_burn", long: "6h", short: "30m", threshold: 6 });
    expect(burnState(rates({})).rule).toBeNull();
  });

  it("the rules are the workbook's, as the page states them", () => {
    expect(BURN_RULES.map(describeBurnRule)).toEqual([
      "14.4× the budget's pace over 1h and over 5m",
      "6× the budget's pace over 6h and over 30m",
      "3× the budget's pace over 1d and over 2h",
      "1× the budget's pace over 3d and over 6h",
    ]);
  });
});

describe("budgetState", () => {
  it.each([
    [1, "healthy"],
    [0.25, "healthy"],
    [0.2499, "low"],
    [0, "low"],
    [-0.01, "overspent"],
  ])("%s of the budget left → %s", (ratio, state) => expect(budgetState(ratio)).toBe(state));
});

describe("serviceState: the most pressing first", () => {
  it.each([
    ["overspent", "fast_burn", "fast_burn"],
    ["overspent", "slow_burn", "overspent"],
    ["low", "slow_burn", "slow_burn"],
    ["low", "ok", "low"],
    ["healthy", "ok", "healthy"],
    ["healthy", "fast_burn", "fast_burn"],
  ] as const)("budget %s, burn %s → %s", (budget, burn, state) => expect(serviceState(budget, burn)).toBe(state));

  it("the order of SERVICE_STATES is the order of urgency", () => {
    expect(SERVICE_STATES).toEqual(["fast_burn", "overspent", "slow_burn", "low", "healthy"]);
  });
});
