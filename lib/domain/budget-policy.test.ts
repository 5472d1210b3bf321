import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGET_POLICY, effectivePolicy, liftHolds, policyProblem, postmortemCheckAgain, recoveryAt, requiredPostmortem, sloPolicyState, worstState, type BudgetPolicy } from "./budget-policy";

const P = DEFAULT_BUDGET_POLICY;
const DAY = 86_400_000;

describe("an SLO's state under the policy", () => {
  it("is frozen once the budget is spent, with the reason", () => {
    expect(sloPolicyState({ remainingRatio: 0, burnState: "ok" }, P)).toEqual({ state: "frozen", reasons: ["budget spent: 100 % of it used"] });
    expect(sloPolicyState({ remainingRatio: -0.5, burnState: "ok" }, P).reasons[0]).toBe("budget spent: 150 % of it used");
  });
  it("is caution under the caution threshold or while burning, normal otherwise", () => {
    expect(sloPolicyState({ remainingRatio: 0.2, burnState: "ok" }, P)).toEqual({ state: "caution", reasons: ["20 % of the budget left, below 25 %"] });
    expect(sloPolicyState({ remainingRatio: 0.9, burnState: "slow_burn" }, P)).toEqual({ state: "caution", reasons: ["burning slowly"] });
    expect(sloPolicyState({ remainingRatio: 0.25, burnState: "ok" }, P).state).toBe("normal");
    expect(sloPolicyState({ remainingRatio: null, burnState: null }, P).state).toBe("normal");
  });
  it("is frozen at a higher freezing threshold with the share left", () => {
    expect(sloPolicyState({ remainingRatio: 0.05, burnState: "ok" }, { ...P, freezeAtOrBelow: 0.1 }).reasons).toEqual(["5 % of the budget left, at or below 10 %"]);
  });
  it("freezes on burning when the policy says so", () => {
    const strict: BudgetPolicy = { ...P, freezeOnBurn: "fast_burn" };
    expect(sloPolicyState({ remainingRatio: 0.9, burnState: "fast_burn" }, strict)).toEqual({ state: "frozen", reasons: ["burning fast"] });
    expect(sloPolicyState({ remainingRatio: 0.9, burnState: "slow_burn" }, strict).state).toBe("caution");
  });
  it("never gets better as the budget left falls (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 1, noNaN: true }), fc.double({ min: -2, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const rank = { normal: 0, caution: 1, frozen: 2 };
        expect(rank[sloPolicyState({ remainingRatio: lo, burnState: "ok" }, P).state]).toBeGreaterThanOrEqual(rank[sloPolicyState({ remainingRatio: hi, burnState: "ok" }, P).state]);
      }),
    );
  });
});

describe("a service's state", () => {
  it("is the worst of its SLOs'", () => {
    expect(worstState(["normal", "frozen", "caution"])).toBe("frozen");
    expect(worstState([])).toBe("normal");
  });
  it("takes the tier's policy with the service's overrides", () => {
    expect(effectivePolicy(null, { postmortemDays: 10, cautionBelow: undefined })).toEqual({ ...P, postmortemDays: 10 });
    expect(effectivePolicy({ ...P, cautionBelow: 0.5 }, null).cautionBelow).toBe(0.5);
  });
  it("refuses a caution threshold at or below the freezing one", () => {
    expect(policyProblem({ ...P, cautionBelow: 0.1, freezeAtOrBelow: 0.1 })?.field).toBe("cautionBelow");
    expect(policyProblem(P)).toBeNull();
  });
  it("keeps an early lift while the same SLOs stay frozen since before it", () => {
    expect(liftHolds(100, [50, 90])).toBe(true);
    expect(liftHolds(100, [50, 120])).toBe(false);
    expect(liftHolds(100, [])).toBe(false);
  });
});

describe("when a frozen budget recovers", () => {
  it("is a calendar window's end", () => {
    expect(recoveryAt({ window: { kind: "calendar", from: 0, to: 30 * DAY }, asOf: 10 * DAY, budgetSeconds: 100, aboveRatio: 0, burnDown: [] })).toBe(30 * DAY);
  });
  it("is when enough of a rolling window's spending has left it", () => {
    // 30-day window ending at day 30: 60 s spent on day 5 (linearly over an hour), 60 s on day 20; budget 100 s.
    const h = 3_600_000;
    const burnDown = [
      { at: 0, remainingSeconds: 100 },
      { at: 5 * DAY, remainingSeconds: 100 },
      { at: 5 * DAY + h, remainingSeconds: 40 },
      { at: 20 * DAY, remainingSeconds: 40 },
      { at: 20 * DAY + h, remainingSeconds: -20 },
      { at: 30 * DAY, remainingSeconds: -20 },
    ];
    // 120 s spent, at most 100 may stay: 20 s must leave, a third of the way through day 5's hour.
    expect(recoveryAt({ window: { kind: "rolling", from: 0, to: 30 * DAY }, asOf: 30 * DAY, budgetSeconds: 100, aboveRatio: 0, burnDown })).toBe(35 * DAY + h / 3);
    // Back above 25 % left: at most 75 s may stay, 45 s must leave (three quarters of that hour).
    expect(recoveryAt({ window: { kind: "rolling", from: 0, to: 30 * DAY }, asOf: 30 * DAY, budgetSeconds: 100, aboveRatio: 0.25, burnDown })).toBe(35 * DAY + (3 * h) / 4);
  });
  it("is now when the budget is already above the threshold", () => {
    expect(recoveryAt({ window: { kind: "rolling", from: 0, to: 10 }, asOf: 10, budgetSeconds: 100, aboveRatio: 0, burnDown: [{ at: 0, remainingSeconds: 100 }, { at: 10, remainingSeconds: 50 }] })).toBe(10);
  });
});

describe("a required postmortem", () => {
  it("is due the policy's days after resolution when an incident cost more than its share", () => {
    const r = requiredPostmortem([{ serviceName: "Checkout", windowLabel: "rolling:30d", budgetShare: 0.34, policy: P }], 1_000);
    expect(r).toEqual({ dueAt: 1_000 + 5 * DAY, reason: "It cost 34 % of Checkout's rolling:30d budget (more than 20 %): a postmortem is due within 5 days of its resolution" });
    expect(requiredPostmortem([{ serviceName: "Checkout", windowLabel: "rolling:30d", budgetShare: 0.2, policy: P }], 0)).toBeNull();
  });
});

describe("checking an edited incident again", () => {
  const base = { kind: "unplanned", startedAt: 1_000, resolvedAt: 5_000, impactsChanged: false };
  it("happens when one needing none changes what its cost depends on", () => {
    expect(postmortemCheckAgain("", base, { ...base, resolvedAt: 9_000 })).toBe(true);
    expect(postmortemCheckAgain("", base, { ...base, startedAt: 0 })).toBe(true);
    expect(postmortemCheckAgain("", base, { ...base, kind: "maintenance" })).toBe(true);
    expect(postmortemCheckAgain("", base, { ...base, impactsChanged: true })).toBe(true);
    expect(postmortemCheckAgain("", base, { ...base, resolvedAt: null })).toBe(true);
  });
  it("does not happen for other edits, for one never checked, or for one already required", () => {
    expect(postmortemCheckAgain("", base, { ...base })).toBe(false);
    expect(postmortemCheckAgain(null, base, { ...base, resolvedAt: 9_000 })).toBe(false);
    expect(postmortemCheckAgain("It cost 34 % …", base, { ...base, resolvedAt: 9_000 })).toBe(false);
  });
});
