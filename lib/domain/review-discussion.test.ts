import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetExhausted, discussionReasons, splitForDiscussion, type DiscussionFacts } from "./review-discussion";
import { plural } from "./format";

const quiet: DiscussionFacts = { failed: false, weekMetTarget: true, budgetRemainingSeconds: 1200, burnState: "ok", weekIncidents: 0, previousWeekMetTarget: true, changedSinceReview: false };
const kinds = (f: Partial<DiscussionFacts>) => discussionReasons({ ...quiet, ...f }).map((r) => r.kind);

describe("discussionReasons", () => {
  it("a quiet week on target with budget left and nothing burning needs no discussion", () => {
    expect(discussionReasons(quiet)).toEqual([]);
    expect(kinds({ burnState: "slow_burn" })).toEqual([]);
    expect(kinds({ previousWeekMetTarget: null })).toEqual([]);
  });

  it("a service frozen by the error-budget policy in the week is up for discussion", () => {
    expect(kinds({ frozen: true })).toEqual(["frozen"]);
    expect(discussionReasons({ ...quiet, frozen: true })[0]?.text).toBe("Frozen by the error-budget policy this week");
    expect(kinds({ frozen: false })).toEqual([]);
  });

  it("names each reason in words, most pressing first", () => {
    expect(discussionReasons({ failed: false, weekMetTarget: false, budgetRemainingSeconds: -30, burnState: "fast_burn", weekIncidents: 2, previousWeekMetTarget: true, changedSinceReview: true })).toEqual([
      { kind: "missed_target", text: "Missed the target this week" },
      { kind: "overspent", text: "SLO window's budget exhausted" },
      { kind: "fast_burn", text: "Burning its budget fast" },
      { kind: "incidents", text: "2 incidents this week" },
      { kind: "result_changed", text: "Met the target last week, missed it this week" },
      { kind: "changed_since_review", text: "Figures changed since the review was closed" },
    ]);
  });

  it("counts incidents in the singular and the plural", () => {
    expect(discussionReasons({ ...quiet, weekIncidents: 1 })).toEqual([{ kind: "incidents", text: "1 incident this week" }]);
  });

  it("a budget with exactly nothing left is exhausted, as the headline counts it", () => {
    expect(kinds({ budgetRemainingSeconds: 0 })).toEqual(["overspent"]);
    expect(kinds({ budgetRemainingSeconds: 0.5 })).toEqual([]);
  });

  it("a recovery is worth a word too", () => {
    expect(discussionReasons({ ...quiet, previousWeekMetTarget: false })).toEqual([{ kind: "result_changed", text: "Back on target after missing it last week" }]);
  });

  it("figures that could not be computed are discussed, and not called a change", () => {
    expect(kinds({ failed: true, weekMetTarget: null, budgetRemainingSeconds: null, burnState: null, previousWeekMetTarget: false })).toEqual(["not_computed"]);
  });

  it("a week before the service is measured is not a failure and asks for nothing by itself", () => {
    expect(kinds({ weekMetTarget: null, budgetRemainingSeconds: null, burnState: null, previousWeekMetTarget: null })).toEqual([]);
    expect(kinds({ weekMetTarget: true, previousWeekMetTarget: null })).toEqual([]);
  });

  it("any one fact that asks for a decision is enough; none means none (property)", () => {
    const facts = fc.record({
      failed: fc.boolean(),
      weekMetTarget: fc.option(fc.boolean(), { nil: null }),
      budgetRemainingSeconds: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
      burnState: fc.option(fc.constantFrom("fast_burn" as const, "slow_burn" as const, "ok" as const), { nil: null }),
      weekIncidents: fc.nat(50),
      previousWeekMetTarget: fc.option(fc.boolean(), { nil: null }),
      changedSinceReview: fc.boolean(),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const asks =
          f.failed ||
          f.weekMetTarget === false ||
          (f.budgetRemainingSeconds !== null && budgetExhausted(f.budgetRemainingSeconds)) ||
          f.burnState === "fast_burn" ||
          f.weekIncidents > 0 ||
          (f.weekMetTarget === true && f.previousWeekMetTarget === false) ||
          f.changedSinceReview;
        expect(discussionReasons(f).length > 0).toBe(asks);
        // Each reason at most once.
        const k = discussionReasons(f).map((r) => r.kind);
        expect(new Set(k).size).toBe(k.length);
      }),
    );
  });
});

describe("splitForDiscussion", () => {
  it("keeps the order of the rows on both sides and every row on exactly one", () => {
    const rows = [
      { slug: "a", f: quiet },
      { slug: "b", f: { ...quiet, weekIncidents: 3 } },
      { slug: "c", f: quiet },
      { slug: "d", f: { ...quiet, weekMetTarget: false } },
    ];
    const { discuss, others } = splitForDiscussion(rows, (r) => r.f);
    expect(discuss.map((d) => d.row.slug)).toEqual(["b", "d"]);
    expect(discuss[0]?.reasons.map((r) => r.text)).toEqual(["3 incidents this week"]);
    expect(others.map((r) => r.slug)).toEqual(["a", "c"]);
  });
});

describe("plural", () => {
  it.each<[number, string]>([
    [0, "0 budgets"],
    [1, "1 budget"],
    [2, "2 budgets"],
    [1204, "1,204 budgets"],
  ])("%s → %s", (n, text) => expect(plural(n, "budget")).toBe(text));
});
