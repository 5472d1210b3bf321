import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedDowntime } from "./allowed-downtime";
import { badMinutesPerYear, quantify, rankDisagreement, rankRisks, unallocatedBudget, yearlyBudgetMinutes } from "./risk-budget";

const first = { ettdMinutes: 1440, ettrMinutes: 30, impactFraction: 0.02, ettfDays: 90 };
const second = { ettdMinutes: 5, ettrMinutes: 120, impactFraction: 1, ettfDays: 365 };

describe("CRE risk figures (the check values in docs/domain.md \"Risks\")", () => {
  it("ETTD 1440, ETTR 30, impact 0.02, ETTF 90 → 119.3 bad minutes a year", () => {
    expect(badMinutesPerYear(first)).toBeCloseTo(119.3, 1);
  });

  it("ETTD 5, ETTR 120, impact 1, ETTF 365 → 125.1 bad minutes a year", () => {
    expect(badMinutesPerYear(second)).toBeCloseTo(125.1, 1);
  });

  it("at 99.95 % the budget is 263 min/yr, the share 47.6 %, unacceptable", () => {
    const q = quantify(second, 0.9995, 0.25);
    expect(q.yearlyBudgetMinutes).toBeCloseTo(262.98, 2);
    expect(q.budgetShare).toBeCloseTo(0.476, 3);
    expect(q.unacceptable).toBe(true);
    expect(q.occurrencesPerYear).toBeCloseTo(1.000685, 6);
  });

  it("at 99.9 % the share is 23.8 %, under the 25 % threshold", () => {
    const q = quantify(second, 0.999, 0.25);
    expect(q.budgetShare).toBeCloseTo(0.238, 3);
    expect(q.unacceptable).toBe(false);
  });

  it("the yearly budget is the decimal figure, as exact as every other budget", () => {
    // (1 − p) × 525,960 written out by hand: doubles would give 525.9600000000005 and 262.979999999971.
    expect(yearlyBudgetMinutes(0.999)).toBe(525.96);
    expect(yearlyBudgetMinutes(0.9995)).toBe(262.98);
    expect(yearlyBudgetMinutes(0.9999)).toBe(52.596);
    expect(yearlyBudgetMinutes(0.99)).toBe(5259.6);
  });

  it("the yearly budget is the nines table's year, in minutes, for any target", () => {
    fc.assert(
      fc.property(fc.integer({ min: 500_000_000, max: 999_999_900 }), (ppb) => {
        const target = ppb / 1e9;
        const minutes = yearlyBudgetMinutes(target) as number;
        expect(minutes * 60).toBeCloseTo(allowedDowntime(target).year, 6);
        expect(minutes).toBeGreaterThan(0);
      }),
    );
  });

  it("a missing input gives null, not zero", () => {
    expect(quantify({ ...first, ettfDays: null }, 0.999, 0.25)).toEqual({ occurrencesPerYear: null, badMinutesPerYear: null, yearlyBudgetMinutes: 525.96, budgetShare: null, unacceptable: null });
    expect(quantify(first, null, 0.25)).toMatchObject({ yearlyBudgetMinutes: null, budgetShare: null, unacceptable: null });
    expect(badMinutesPerYear({ ...first, impactFraction: null })).toBeNull();
  });

  it("unacceptable exactly when the share is above the threshold", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true, minExcluded: false }),
        fc.double({ min: 0.01, max: 3650, noNaN: true }),
        fc.constantFrom(0.99, 0.999, 0.9995, 0.9999),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (ettd, ettr, impact, ettf, target, threshold) => {
          const q = quantify({ ettdMinutes: ettd, ettrMinutes: ettr, impactFraction: impact, ettfDays: ettf }, target, threshold);
          expect(Number.isFinite(q.badMinutesPerYear)).toBe(true);
          expect(q.unacceptable).toBe((q.badMinutesPerYear as number) > threshold * (yearlyBudgetMinutes(target) as number));
        },
      ),
    );
  });

  it("the unallocated budget is what accepted risks leave", () => {
    const u = unallocatedBudget(0.999, [first, second, { ettdMinutes: null, ettrMinutes: null, ettfDays: null, impactFraction: null }]);
    expect(u.yearlyBudgetMinutes).toBe(525.96);
    expect(u.acceptedBadMinutes).toBeCloseTo(119.3 + 125.1, 0);
    expect(u.unallocatedMinutes).toBeCloseTo(525.96 - 244.44, 0);
    expect(u.withoutEstimates).toBe(1);
  });

  it("flags where the matrix and the budget disagree", () => {
    const unacceptable = quantify(second, 0.9995, 0.25);
    expect(rankDisagreement("LOW", unacceptable, 0.25)).toMatch(/LOW on the matrix, but costs more than 25 %/);
    expect(rankDisagreement("HIGH", unacceptable, 0.25)).toBeNull();
    const tiny = quantify({ ettdMinutes: 1, ettrMinutes: 1, impactFraction: 0.01, ettfDays: 365 }, 0.999, 0.25);
    expect(rankDisagreement("CRITICAL", tiny, 0.25)).toMatch(/under 2.5 %/);
    expect(rankDisagreement("LOW", quantify(first, null, 0.25), 0.25)).toBeNull();
  });
});

describe("rankRisks", () => {
  it("ranks by score and by bad minutes, ties sharing a rank", () => {
    const ranks = rankRisks([
      { id: "a", score: 19, badMinutesPerYear: 10 },
      { id: "b", score: 25, badMinutesPerYear: null },
      { id: "c", score: 19, badMinutesPerYear: 300 },
      { id: "d", score: 4, badMinutesPerYear: 10 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({
      a: { matrixRank: 2, budgetRank: 2 },
      b: { matrixRank: 1, budgetRank: null },
      c: { matrixRank: 2, budgetRank: 1 },
      d: { matrixRank: 4, budgetRank: 2 },
    });
  });
});
