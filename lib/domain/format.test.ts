import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { budgetLeftText, formatAvailabilityFormula, formatCount, formatDuration, formatPercent, formatSecondsFigure, percentText } from "./format";

describe("formatDuration", () => {
  it.each<[number, string]>([
    [0, "0s"],
    [0.2592, "259ms"],
    [0.9996, "1s"],
    [1, "1s"],
    [2.592, "2.59s"],
    [25.92, "25.9s"],
    [59.4, "59.4s"],
    [59.96, "1m"],
    [60, "1m"],
    [90, "1m 30s"],
    [259.2, "4m 19.2s"],
    [2592, "43m 12s"],
    [3599.97, "1h"],
    [3605, "1h 0m 5s"],
    [25_920, "7h 12m"],
    [86_400, "1d"],
    [315_576, "3d 15h 40m"], // 99 % of a year: 3d 15h 39m 36s, to the minute
    [-90, "-1m 30s"],
    [Number.NaN, "—"],
    [Number.POSITIVE_INFINITY, "∞"],
  ])("%s s → %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("formatPercent", () => {
  it.each<[number, number, string]>([
    [1 - 3120 / 2_592_000, 4, "99.8796\u00a0%"],
    [166 / 168, 2, "98.81\u00a0%"],
    [166 / 168, 4, "98.8095\u00a0%"],
    [156 / 168, 3, "92.857\u00a0%"],
    [1, 2, "100.00\u00a0%"],
    [0.99999, 2, "99.99\u00a0%"], // never rounds up to a perfect 100 %
    [0.99996, 4, "99.9960\u00a0%"],
    [0, 1, "0.0\u00a0%"],
    [-0.25, 0, "-25\u00a0%"],
  ])("%s with %s digits → %s", (ratio, digits, text) => {
    expect(formatPercent(ratio, digits)).toBe(text);
  });

  it.each<[number, string]>([
    [0.999, "99.9\u00a0%"],
    [0.9999, "99.99\u00a0%"],
    [0.9999999, "99.99999\u00a0%"],
    [0.995, "99.5\u00a0%"],
    [0.5, "50\u00a0%"],
    [1, "100\u00a0%"],
    // Shortest form: still never 100 % for a ratio below 1.
    [0.99999999999, "99.9999999\u00a0%"],
  ])("without digits, %s → %s (the shortest exact form)", (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });

  it("never shows 100 % for a ratio below 1, whatever the digits (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), (ratio, digits) => {
        expect(Number.parseFloat(percentText(ratio, digits))).toBeLessThan(100);
      }),
    );
  });

  it("is a dash for what is not a number", () => {
    expect(formatPercent(Number.NaN)).toBe("—");
    expect(formatPercent(Number.POSITIVE_INFINITY, 2)).toBe("—");
  });
});

describe("formatCount", () => {
  it.each<[number, string]>([
    [0, "0"],
    [7, "7"],
    [201, "201"],
    [1234, "1,234"],
    [100000, "100,000"],
  ])("%d → %s", (n, text) => expect(formatCount(n)).toBe(text));
});

describe("the availability formula, as people read it", () => {
  it("rounds the seconds to two decimals and the result as the headline shows it", () => {
    expect(formatAvailabilityFormula({ rule: "count", downtimeSeconds: 2537.3417999999997, unplannedSeconds: 2537.3417999999997, maintenanceSeconds: 0, elapsedSeconds: 2_592_000, availability: 0.9990210872685186 }))
      .toBe("1 − 2,537.34\u00a0s / 2,592,000\u00a0s = 99.9021\u00a0%");
    expect(formatAvailabilityFormula({ rule: "exclude", downtimeSeconds: 900, unplannedSeconds: 300, maintenanceSeconds: 600, elapsedSeconds: 86_400, availability: 1 - 300 / 85_800 }))
      .toBe("1 − 300\u00a0s / (86,400\u00a0s − 600\u00a0s) = 99.6503\u00a0%");
  });

  it("never shows float noise in a seconds figure", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (s) => {
        expect(formatSecondsFigure(s)).toMatch(/^\d{1,3}(,\d{3})*(\.\d{1,2})?$/);
      }),
    );
  });
});

describe("budgetLeftText", () => {
  it("says what is left, and past zero by how much it is overspent, never a negative share left", () => {
    expect(budgetLeftText(0.375)).toBe("37.5\u00a0% left");
    expect(budgetLeftText(0)).toBe("0.0\u00a0% left");
    expect(budgetLeftText(-0.945)).toBe("overspent by 94.5\u00a0%");
  });
});
