import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Impact, MaintenanceRule } from "./availability";
import { budgetSecondsFor, complementPpb, errorBudget, summarizeService, targetComplement, type ErrorBudget } from "./error-budget";

const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;
const T0 = Date.UTC(2026, 3, 1);
const MONTH = 30 * 86_400; // seconds

function impact(incidentId: string, start: number, end: number | null, fraction = 1, kind: Impact["kind"] = "unplanned"): Impact {
  return { incidentId, kind, fraction, start, end, incidentStartedAt: start };
}

/** With measuredSince null every window is measured: its budget is there. */
function measuredBudget(result: { errorBudget: ErrorBudget | null }): ErrorBudget {
  if (result.errorBudget === null) throw new Error("expected a measured window");
  return result.errorBudget;
}

describe("budget arithmetic", () => {
  it("reproduces the nines table exactly (30-day month)", () => {
    // Naive doubles would not: 1 − 0.999 = 0.0010000000000000009.
    expect((1 - 0.999) * MONTH).not.toBe(2592);
    expect(budgetSecondsFor(0.99, MONTH)).toBe(25_920); // 432 min
    expect(budgetSecondsFor(0.99, MONTH) / 60).toBe(432);
    expect(budgetSecondsFor(0.999, MONTH)).toBe(2592); // 43.2 min
    expect(budgetSecondsFor(0.999, MONTH) / 60).toBe(43.2);
    expect(budgetSecondsFor(0.9999, MONTH)).toBe(259.2); // 4.32 min
    expect(budgetSecondsFor(0.99999, MONTH)).toBe(25.92);
    expect(budgetSecondsFor(0.999999, MONTH)).toBe(2.592);
  });

  it("snaps the complement to parts per billion", () => {
    expect(complementPpb(0.999)).toBe(1_000_000);
    expect(complementPpb(0.9999999)).toBe(100);
    expect(complementPpb(0.5)).toBe(500_000_000);
    expect(targetComplement(0.999)).toBe(0.001);
    expect(targetComplement(0.995)).toBe(0.005);
  });

  it.each([1, 1.5, -0.1, Number.NaN, 0.9999999999])("rejects target %s", (target) => {
    expect(() => budgetSecondsFor(target, MONTH)).toThrow(RangeError);
  });
});

describe("errorBudget", () => {
  const to = T0 + 30 * D;

  it("April example at 99.9 %: overspent", () => {
    const budget = errorBudget({ measuredSince: null, target: 0.999, from: T0, to, asOf: to + D, countedSeconds: (a, b) => (a <= T0 && b >= to ? 3120 : 0) });
    expect(budget.budgetSeconds).toBe(2592);
    expect(budget.consumedSeconds).toBe(3120);
    expect(budget.remainingSeconds).toBe(-528);
    expect(budget.remainingRatio).toBeCloseTo(-528 / 2592, 12);
    expect(budget.overspent).toBe(true);
    expect(budget.exhaustionAt).toBeNull();
    // 3120 s over 2,592,000 s against a 0.001 allowance
    expect(budget.burnRates.window).toBeCloseTo(3120 / 2_592_000 / 0.001, 12);
  });

  it("projects exhaustion at the window's average pace", () => {
    // 864 s used in the first 10 days = exactly the budget's pace; 1728 s left lasts 20 more days.
    const asOf = T0 + 10 * D;
    const budget = errorBudget({ measuredSince: null, target: 0.999, from: T0, to, asOf, countedSeconds: () => 864 });
    expect(budget.remainingSeconds).toBe(1728);
    expect(budget.remainingRatio).toBeCloseTo(2 / 3, 12);
    expect(budget.burnRates.window).toBeCloseTo(1, 12);
    expect(budget.exhaustionAt).toBe(asOf + 20 * D);
    expect(budget.overspent).toBe(false);
  });

  it("has no exhaustion without consumption", () => {
    const budget = errorBudget({ measuredSince: null, target: 0.999, from: T0, to, asOf: T0 + D, countedSeconds: () => 0 });
    expect(budget.exhaustionAt).toBeNull();
    expect(budget.remainingRatio).toBe(1);
    expect(budget.burnRates).toEqual({ "5m": 0, "30m": 0, "1h": 0, "2h": 0, "6h": 0, "1d": 0, "3d": 0, window: 0 });
  });

  it("asks for burn-rate downtime over [asOf − L, asOf)", () => {
    const asked: Array<[number, number]> = [];
    const asOf = T0 + 5 * D;
    errorBudget({ measuredSince: null,
      target: 0.999,
      from: T0,
      to,
      asOf,
      countedSeconds: (a, b) => {
        asked.push([a, b]);
        return 0;
      },
    });
    expect(asked).toEqual([
      [T0, asOf],
      [asOf - 5 * 60_000, asOf],
      [asOf - 30 * 60_000, asOf],
      [asOf - H, asOf],
      [asOf - 2 * H, asOf],
      [asOf - 6 * H, asOf],
      [asOf - D, asOf],
      [asOf - 3 * D, asOf],
    ]);
  });

  it("does not ask for the window before it starts", () => {
    const budget = errorBudget({ measuredSince: null, target: 0.999, from: T0, to, asOf: T0 - D, countedSeconds: () => 1 });
    expect(budget.consumedSeconds).toBe(0);
    expect(budget.burnRates.window).toBe(0);
    expect(budget.budgetSeconds).toBe(2592);
  });
});

describe("summarizeService", () => {
  it("computes burn rates from one set of impacts, lookbacks reaching before the window", () => {
    // Calendar window that began 30 minutes ago; a 36 s outage 50 minutes ago and one of 36 s
    // two days ago, both before the window.
    const from = T0;
    const asOf = T0 + 30 * MIN;
    const result = summarizeService({ measuredSince: null,
      impacts: [impact("recent", asOf - 50 * MIN, asOf - 50 * MIN + 36_000), impact("older", asOf - 2 * D, asOf - 2 * D + 36_000)],
      target: 0.999,
      maintenance: "count",
      window: { from, to: from + 30 * D },
      asOf,
    });
    expect(result.availability.downtimeSeconds).toBe(0);
    expect(measuredBudget(result).consumedSeconds).toBe(0);
    expect(measuredBudget(result).burnRates["1h"]).toBeCloseTo(36 / 3600 / 0.001, 12); // 10
    expect(measuredBudget(result).burnRates["6h"]).toBeCloseTo(36 / 21_600 / 0.001, 12);
    expect(measuredBudget(result).burnRates["1d"]).toBeCloseTo(36 / 86_400 / 0.001, 12);
    expect(measuredBudget(result).burnRates["3d"]).toBeCloseTo(72 / 259_200 / 0.001, 12);
    expect(measuredBudget(result).burnRates.window).toBe(0);
  });

  it("reports each incident's share of the budget", () => {
    const asOf = T0 + 31 * D;
    const result = summarizeService({ measuredSince: null,
      impacts: [impact("a", T0 + D, T0 + D + 37 * MIN), impact("b", T0 + 2 * D, T0 + 2 * D + 15 * MIN)],
      target: 0.999,
      maintenance: "count",
      window: { from: T0, to: T0 + 30 * D },
      asOf,
    });
    expect(measuredBudget(result).consumedSeconds).toBe(3120);
    expect(result.incidents).toEqual([
      { incidentId: "a", kind: "unplanned", downtimeSeconds: 2220, budgetShare: 2220 / 2592 },
      { incidentId: "b", kind: "unplanned", downtimeSeconds: 900, budgetShare: 900 / 2592 },
    ]);
  });

  it("counts only unplanned downtime against the budget under exclude", () => {
    const asOf = T0 + 7 * D;
    const result = summarizeService({ measuredSince: null,
      impacts: [impact("m", T0 + H, T0 + 3 * H, 1, "maintenance"), impact("u", T0 + 5 * H, T0 + 5 * H + 10 * MIN)],
      target: 0.99,
      maintenance: "exclude",
      window: { from: T0, to: T0 + 7 * D },
      asOf,
    });
    expect(measuredBudget(result).budgetSeconds).toBe(6048);
    expect(measuredBudget(result).consumedSeconds).toBe(600);
    expect(result.incidents.map((i) => [i.incidentId, i.budgetShare])).toEqual([
      ["u", 600 / 6048],
      ["m", 0],
    ]);
  });

  const scenario = fc.record({
    raws: fc.array(
      fc.record({
        start: fc.integer({ min: -5000, max: 50_000 }),
        length: fc.integer({ min: 0, max: 5000 }),
        fraction: fc.double({ min: 0.001, max: 1, noNaN: true }),
        maintenance: fc.boolean(),
        ongoing: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
    windowLength: fc.integer({ min: 0, max: 50_000 }),
    asOf: fc.integer({ min: -100, max: 60_000 }),
    rule: fc.constantFrom<MaintenanceRule>("count", "exclude"),
    target: fc.constantFrom(0.9, 0.99, 0.999, 0.9995, 0.9999),
  });

  it("consumes exactly the counted downtime and attributes all of it", () => {
    fc.assert(
      fc.property(scenario, ({ raws, windowLength, asOf, rule, target }) => {
        const impacts = raws.map((r, i) =>
          impact(`i${i}`, r.start * MIN, r.ongoing ? null : (r.start + r.length) * MIN, r.fraction, r.maintenance ? "maintenance" : "unplanned"),
        );
        const result = summarizeService({ measuredSince: null, impacts, target, maintenance: rule, window: { from: 0, to: windowLength * MIN }, asOf: asOf * MIN });
        expect(measuredBudget(result).consumedSeconds).toBe(result.availability.countedSeconds);
        const expectedCounted = rule === "count" ? result.availability.downtimeSeconds : result.availability.unplannedSeconds;
        expect(result.availability.countedSeconds).toBeCloseTo(expectedCounted, 6);
        const attributed = result.incidents.reduce((s, i) => s + i.downtimeSeconds, 0);
        expect(attributed).toBeCloseTo(measuredBudget(result).consumedSeconds, 6);
        const shares = result.incidents.reduce((s, i) => s + i.budgetShare, 0);
        if (measuredBudget(result).budgetSeconds > 0) {
          expect(shares).toBeCloseTo(measuredBudget(result).consumedSeconds / measuredBudget(result).budgetSeconds, 9);
        }
        expect(measuredBudget(result).remainingSeconds).toBeCloseTo(measuredBudget(result).budgetSeconds - attributed, 6);
      }),
      { numRuns: 300 },
    );
  });
});
