import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { durationTicks, numberTicks, timeTicks } from "./axis-ticks";
import { formatZonedDateTime } from "./time-zone";

describe("durationTicks", () => {
  it("cuts a 30-day budget at 99.9 % (43 min 12 s) at whole ten minutes, not fifths", () => {
    expect(durationTicks(0, 2592)).toEqual([0, 600, 1200, 1800, 2400]);
  });
  it("keeps 0 when overspent, at round steps on both sides", () => {
    expect(durationTicks(-528, 2592)).toEqual([-600, 0, 600, 1200, 1800, 2400].filter((t) => t >= -528));
  });
  it("property: at most maxTicks, whole multiples of one step, inside the range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), (low, span) => {
        const ticks = durationTicks(low, low + span, 6);
        expect(ticks.length).toBeGreaterThanOrEqual(1);
        expect(ticks.length).toBeLessThanOrEqual(6);
        for (const t of ticks) expect(t >= low && t <= low + span).toBe(true);
      }),
    );
  });
});

describe("numberTicks", () => {
  it("covers latencies with round milliseconds", () => {
    expect(numberTicks(0, 437, 6)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(numberTicks(0, 0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
  });
  it("a low just under a round number: the first tick is at or below it once rounded", () => {
    const ticks = numberTicks(999999.9999999999, 999999.9999999999 + 0.001, 6);
    expect(ticks[0]).toBeLessThanOrEqual(999999.9999999999);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });
  it("property: covers [low, high] in at most maxTicks", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0.001, max: 1e6, noNaN: true }), (low, span) => {
        const ticks = numberTicks(low, low + span, 6);
        expect(ticks.length).toBeLessThanOrEqual(6);
        expect(ticks[0]).toBeLessThanOrEqual(low);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(low + span - 1e-9 * (low + span));
      }),
    );
  });
});

describe("timeTicks", () => {
  it("a 30-day window: Mondays at midnight in the organisation's zone", () => {
    const from = Date.UTC(2026, 10, 2, 12); // Monday 2 November 2026, noon
    const ticks = timeTicks(from, from + 30 * 86_400_000, "Europe/Berlin");
    expect(ticks.map((t) => formatZonedDateTime(t.at, "Europe/Berlin"))).toEqual(["2026-11-09 00:00", "2026-11-16 00:00", "2026-11-23 00:00", "2026-11-30 00:00"]);
  });
  it("a week: every day at midnight; a day: whole hours", () => {
    const from = Date.UTC(2026, 10, 2);
    expect(timeTicks(from, from + 7 * 86_400_000, "UTC")).toHaveLength(8);
    const hours = timeTicks(from + 30 * 60_000, from + 86_400_000, "UTC");
    expect(hours.every((t) => t.at % 3_600_000 === 0 && t.unit === "hour")).toBe(true);
    expect(hours.length).toBeLessThanOrEqual(7);
  });
});
