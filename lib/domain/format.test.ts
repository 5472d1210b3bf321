import { describe, expect, it } from "vitest";
import { formatDuration, formatPercent } from "./format";

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
    [1 - 3120 / 2_592_000, 4, "99.8796%"],
    [166 / 168, 2, "98.81%"],
    [166 / 168, 4, "98.8095%"],
    [156 / 168, 3, "92.857%"],
    [1, 2, "100.00%"],
    [0.99999, 2, "99.99%"], // never rounds up to a perfect 100 %
    [0.99996, 4, "99.9960%"],
    [0, 1, "0.0%"],
    [-0.25, 0, "-25%"],
  ])("%s with %s digits → %s", (ratio, digits, text) => {
    expect(formatPercent(ratio, digits)).toBe(text);
  });

  it("defaults to two digits", () => {
    expect(formatPercent(0.5)).toBe("50.00%");
  });
});
