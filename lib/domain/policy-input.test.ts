import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGET_POLICY } from "./budget-policy";
import { changedOverrides, policyText, policyValueText, policyValues, sharePercentIssues, SHARE_PERCENT_MESSAGE } from "./policy-input";

const NONE = { cautionBelow: null, freezeAtOrBelow: null, cautionOnBurn: null, freezeOnBurn: null, postmortemAbove: null, postmortemDays: null };

describe("an error-budget policy typed in a form", () => {
  it("shows shares in percent and a service's missing overrides as empty fields", () => {
    expect(policyText(DEFAULT_BUDGET_POLICY)).toEqual({ cautionBelow: "25", freezeAtOrBelow: "0", cautionOnBurn: "any_burn", freezeOnBurn: "never", postmortemAbove: "20", postmortemDays: "5" });
    expect(policyText({ ...NONE, freezeAtOrBelow: 0.05 })).toEqual({ cautionBelow: "", freezeAtOrBelow: "5", cautionOnBurn: "", freezeOnBurn: "", postmortemAbove: "", postmortemDays: "" });
  });

  it("reads what was typed as the API's values, empty as null", () => {
    expect(policyValues(policyText(DEFAULT_BUDGET_POLICY))).toEqual(DEFAULT_BUDGET_POLICY);
    expect(policyValues(policyText(NONE))).toEqual(NONE);
    const odd = policyValues({ cautionBelow: "12,5 %", freezeAtOrBelow: "lots", cautionOnBurn: "", freezeOnBurn: "fast_burn", postmortemAbove: " 10 ", postmortemDays: "2.5" });
    expect(odd).toMatchObject({ cautionBelow: 0.125, cautionOnBurn: null, freezeOnBurn: "fast_burn", postmortemAbove: 0.1 });
    expect(odd.freezeAtOrBelow).toBeNaN();
    expect(odd.postmortemDays).toBeNaN();
  });

  it("names the shares that are not a percentage from 0 to 100; empty ones only where a value is required", () => {
    const values = policyValues({ ...policyText(NONE), cautionBelow: "150", freezeAtOrBelow: "x", postmortemAbove: "100" });
    expect(sharePercentIssues(values, false)).toEqual([
      { path: "cautionBelow", message: SHARE_PERCENT_MESSAGE },
      { path: "freezeAtOrBelow", message: SHARE_PERCENT_MESSAGE },
    ]);
    expect(sharePercentIssues(NONE, false)).toEqual([]);
    expect(sharePercentIssues(NONE, true).map((i) => i.path)).toEqual(["cautionBelow", "freezeAtOrBelow", "postmortemAbove"]);
  });

  it("sends only the overrides that changed, a cleared one as null", () => {
    const saved = { ...NONE, cautionBelow: 0.4, postmortemDays: 10 };
    expect(changedOverrides(saved, saved)).toEqual({});
    expect(changedOverrides(saved, policyValues({ ...policyText(saved), cautionBelow: "", freezeAtOrBelow: "5" }))).toEqual({ cautionBelow: null, freezeAtOrBelow: 0.05 });
    expect(changedOverrides(saved, policyValues(policyText(saved)))).toEqual({});
  });

  it("says each value in words", () => {
    expect(policyValueText("cautionBelow", 0.25)).toBe("25\u00a0%");
    expect(policyValueText("freezeOnBurn", "fast_burn")).toBe("While burning fast");
    expect(policyValueText("postmortemDays", 1)).toBe("1 day");
    expect(policyValueText("postmortemDays", 5)).toBe("5 days");
  });
});
