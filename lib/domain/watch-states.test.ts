import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reviewChangeIsNews, reviewWatch, sloChange, type SloWatch } from "./watch-states";

describe("sloChange", () => {
  it("a first look at an SLO that is fine stores it quietly; one already burning is news", () => {
    expect(sloChange(null, { burnState: "ok", remainingRatio: 0.5 })).toEqual({ next: { burn: "ok", exhausted: false }, burnChanged: null, exhausted: false });
    expect(sloChange(null, { burnState: "fast_burn", remainingRatio: -0.1 })).toEqual({ next: { burn: "fast_burn", exhausted: true }, burnChanged: { from: "ok", to: "fast_burn" }, exhausted: true });
  });

  it("an unmeasured reading changes nothing; a budget that recovers is stored without a word", () => {
    const seen: SloWatch = { burn: "slow_burn", exhausted: true };
    expect(sloChange(seen, { burnState: null, remainingRatio: null })).toBeNull();
    expect(sloChange(seen, { burnState: "slow_burn", remainingRatio: 0.2 })).toEqual({ next: { burn: "slow_burn", exhausted: false }, burnChanged: null, exhausted: false });
  });

  it("applying the change it returns, the same reading is never news again", () => {
    const burn = fc.constantFrom("ok" as const, "slow_burn" as const, "fast_burn" as const);
    const reading = fc.record({ burnState: fc.option(burn), remainingRatio: fc.option(fc.double({ min: -2, max: 1, noNaN: true })) });
    fc.assert(
      fc.property(fc.option(fc.record({ burn, exhausted: fc.boolean() })), reading, (previous, r) => {
        const change = sloChange(previous, r);
        const stored = change ? change.next : previous;
        const again = sloChange(stored, r);
        return again === null || (again.burnChanged === null && !again.exhausted);
      }),
    );
  });
});

describe("reviewWatch", () => {
  const due = Date.UTC(2026, 11, 10, 9);
  it.each<[string, number, boolean, string]>([
    ["three days before", due - 3 * 86_400_000, true, "not_due"],
    ["within a day", due - 3_600_000, true, "due"],
    ["past the date", due + 1, true, "overdue"],
    ["a closed risk", due + 1, false, "not_due"],
  ])("%s → %s", (_, now, open, expected) => expect(reviewWatch(due, open, now)).toBe(expected));

  it("falling due and falling overdue are news; going back to not due is not", () => {
    expect(reviewChangeIsNews(null, "due")).toBe(true);
    expect(reviewChangeIsNews("due", "overdue")).toBe(true);
    expect(reviewChangeIsNews("not_due", "overdue")).toBe(true);
    expect(reviewChangeIsNews("overdue", "overdue")).toBe(false);
    expect(reviewChangeIsNews("overdue", "not_due")).toBe(false);
  });
});
