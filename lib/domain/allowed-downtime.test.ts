import { describe, expect, it } from "vitest";
import { allowedDowntime, PERIOD_SECONDS } from "./allowed-downtime";
import { formatDuration } from "./format";

describe("allowedDowntime", () => {
  it.each([
    // target, seconds in a 30-day month (the nines in docs/domain.md), as shown
    [0.99, 25_920, "7h 12m"], // 432 min
    [0.999, 2592, "43m 12s"], // 43.2 min
    [0.9999, 259.2, "4m 19.2s"], // 4.32 min
    [0.99999, 25.92, "25.9s"],
    [0.999999, 2.592, "2.59s"],
  ])("the nines: %s allows %s s a month", (target, seconds, shown) => {
    expect(allowedDowntime(target).month).toBe(seconds);
    expect(formatDuration(allowedDowntime(target).month)).toBe(shown);
  });

  it("covers day, week, month, quarter and year", () => {
    expect(allowedDowntime(0.999)).toEqual({
      day: 86.4,
      week: 604.8,
      month: 2592,
      quarter: 7889.4, // 91.3125 days × 86,400 × 0.001
      year: 31_557.6, // 525,960 min × 0.001 = 525.96 min
    });
    expect(allowedDowntime(0.995).year).toBe(157_788); // 525,960 min × 0.005 × 60
    expect(PERIOD_SECONDS.year / 60).toBe(525_960);
    expect(PERIOD_SECONDS.quarter * 4).toBe(PERIOD_SECONDS.year);
  });
});
