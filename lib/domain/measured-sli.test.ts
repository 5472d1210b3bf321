import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, countBuckets, measuredBurnRates, measuredIntervals, measuredIntervalsWithSpans, minuteSpans, ratioBuckets, sliceRowSeconds, sliceRows, thresholdBuckets, withWindow, type Bucket } from "./measured-sli";
import { mergeIntervals } from "./probes";

const T0 = Date.UTC(2026, 11, 1);

describe("a measured SLI's buckets", () => {
  it("fills $window with the largest whole unit", () => {
    expect(["x[$window]", "x[$window]", "x[$window]", "x[$window]", "x[$window] / y[$window]"].map((q, i) => withWindow(q, [10, 60, 3600, 3 * 86_400, 300][i] as number))).toEqual(["x[10s]", "x[1m]", "x[1h]", "x[3d]", "x[5m] / y[5m]"]);
    expect(() => withWindow("x", 0)).toThrow(RangeError);
  });

  it("turns rates per second into the step's events: good, or total less bad", () => {
    const t = T0 / 1000;
    const total: [number, string][] = [[t + 60, "100"], [t + 120, "100"], [t + 180, "NaN"]];
    expect(ratioBuckets(total, [[t + 60, "99"], [t + 120, "98.5"]], "good", 60)).toEqual([
      { start: T0, seconds: 60, good: 5940, total: 6000 },
      { start: T0 + 60_000, seconds: 60, good: 5910, total: 6000 },
    ]);
    // No bad series at a step: nothing failed then. A bad rate above the total is kept within it.
    expect(ratioBuckets(total, [[t + 120, "120"]], "bad", 60)).toEqual([
      { start: T0, seconds: 60, good: 6000, total: 6000 },
      { start: T0 + 60_000, seconds: 60, good: 0, total: 6000 },
    ]);
  });

  it("compares a threshold query's value each step", () => {
    expect([compare(0.5, "lt", 0.5), compare(0.5, "lte", 0.5), compare(0.6, "gt", 0.5), compare(0.5, "gte", 0.5)]).toEqual([false, true, true, true]);
    expect(thresholdBuckets([[T0 / 1000 + 60, "0.3"], [T0 / 1000 + 120, "0.7"], [T0 / 1000 + 180, "+Inf"]], "lt", 0.5, 60).map((b) => b.good)).toEqual([1, 0]);
  });

  it("counts events in a range and names the seconds no bucket covers", () => {
    const buckets: Bucket[] = [0, 1, 3].map((i) => ({ start: T0 + i * 60_000, seconds: 60, good: 99, total: 100 }));
    expect(countBuckets(buckets, { method: "occurrences" }, { from: T0, to: T0 + 240_000 }, T0)).toEqual({ good: 297, total: 300, unknownSlices: 0, unknownSeconds: 60 });
    // Minutes as slices: a slice of five minutes is good when all its measured minutes were.
    const minutes: Bucket[] = Array.from({ length: 10 }, (_, i) => ({ start: T0 + i * 60_000, seconds: 60, good: i === 7 ? 0 : 1, total: 1 }));
    expect(countBuckets(minutes, { method: "timeslices", sliceSeconds: 300, sliceTarget: 1 }, { from: T0, to: T0 + 600_000 }, T0)).toMatchObject({ good: 1, total: 2, unknownSeconds: 0 });
  });

  it("burns at the bad share over the allowed share, null where nothing was measured", () => {
    const buckets: Bucket[] = Array.from({ length: 60 }, (_, i) => ({ start: T0 + i * 60_000, seconds: 60, good: i >= 55 ? 0 : 6000, total: 6000 }));
    const rates = measuredBurnRates(buckets, { method: "occurrences" }, T0 + 3_600_000, T0, 0.99);
    expect(rates["5m"]).toBeCloseTo(100, 9);
    expect(rates["1h"]).toBeCloseTo((5 / 60) / 0.01, 9);
    expect(measuredBurnRates([], { method: "occurrences" }, T0, T0, 0.99)["1h"]).toBeNull();
  });

  it("events are counted once however a range is split", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.nat(100)), { maxLength: 100 }), fc.integer({ min: 1, max: 999 }), (raw, cut) => {
      const seen = new Map(raw.map(([i, g]) => [i, { start: T0 + i * 60_000, seconds: 60, good: g, total: 100 }]));
      const buckets = [...seen.values()].sort((a, b) => a.start - b.start);
      const all = countBuckets(buckets, { method: "occurrences" }, { from: T0, to: T0 + 1000 * 60_000 }, T0);
      const a = countBuckets(buckets, { method: "occurrences" }, { from: T0, to: T0 + cut * 60_000 }, T0);
      const b = countBuckets(buckets, { method: "occurrences" }, { from: T0 + cut * 60_000, to: T0 + 1000 * 60_000 }, T0);
      expect(a.total + b.total).toBe(all.total);
      expect(a.good + b.good).toBe(all.good);
      expect(a.unknownSeconds + b.unknownSeconds).toBe(all.unknownSeconds);
    }));
  });
  it("a slice SLO's minutes merge into an hour, or the least whole hours that hold whole slices", () => {
    expect([60, 300, 900, 3600, 128, 5400, 7200, 86_400].map(sliceRowSeconds)).toEqual([3600, 3600, 3600, 3600, 28_800, 10_800, 7200, 86_400]);
    // Ten minutes from 00:00 with one bad at 00:07: two five-minute slices on the clock, one good.
    const minutes: Bucket[] = Array.from({ length: 10 }, (_, i) => ({ start: T0 + i * 60_000, seconds: 60, good: i === 7 ? 0 : 1, total: 1 }));
    expect(sliceRows(minutes, { method: "timeslices", sliceSeconds: 300, sliceTarget: 1 })).toEqual([{ start: T0, seconds: 3600, good: 1, total: 2, covered: 600 }]);
    // A merged hour beside the minutes after it: its slices are counted as they are, the minutes cut into slices;
    // the hour measured ten of its sixty minutes.
    const after: Bucket[] = [0, 1, 2, 3, 4].map((i) => ({ start: T0 + 3_600_000 + i * 60_000, seconds: 60, good: i === 4 ? 0 : 1, total: 1 }));
    const mixed = [...sliceRows(minutes, { method: "timeslices", sliceSeconds: 300, sliceTarget: 0.8 }), ...after];
    expect(countBuckets(mixed, { method: "timeslices", sliceSeconds: 300, sliceTarget: 0.8 }, { from: T0, to: T0 + 3_900_000 }, T0)).toEqual({ good: 3, total: 3, unknownSlices: 10, unknownSeconds: 3000 });
  });

  it("slices counted from merged rows are the slices counted from the minutes, for any minutes, slice and whole-row range", () => {
    const slices = [60, 120, 300, 600, 900, 1800, 3600, 128, 5400, 7200];
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 1440 - 1 }), fc.boolean()), { maxLength: 400 }),
      fc.constantFrom(...slices),
      fc.constantFrom(0.5, 0.8, 1),
      fc.nat(3),
      (raw, sliceSeconds, sliceTarget, shift) => {
        const budgeting = { method: "timeslices" as const, sliceSeconds, sliceTarget };
        const seen = new Map(raw.map(([i, ok]) => [i, { start: T0 + i * 60_000, seconds: 60, good: ok ? 1 : 0, total: 1 }]));
        const minutes = [...seen.values()].sort((a, b) => a.start - b.start);
        const span = sliceRowSeconds(sliceSeconds) * 1000;
        const range = { from: Math.floor(T0 / span) * span - shift * span, to: Math.ceil((T0 + 3 * 86_400_000) / span) * span };
        const fromMinutes = countBuckets(minutes, budgeting, range, 0);
        const fromRows = countBuckets(sliceRows(minutes, budgeting), budgeting, range, 0);
        expect({ ...fromRows, unknownSeconds: 0 }).toEqual({ ...fromMinutes, unknownSeconds: 0 });
        expect(measuredBurnRates(sliceRows(minutes, budgeting), budgeting, range.to, 0, 0.99)["3d"]).toEqual(measuredBurnRates(minutes, budgeting, range.to, 0, 0.99)["3d"]);
      },
    ));
  });
  it("keeps where merged minutes saw bad and read nothing, so the merged rows say what the minutes said", () => {
    const HOUR = 3_600_000;
    const minutes: Bucket[] = [0, 1, 2, 5, 6, 59, 61].map((i) => ({ start: T0 + i * 60_000, seconds: 60, good: i === 1 || i === 2 || i === 61 ? 90 : 100, total: 100 }));
    expect(minuteSpans(minutes, 0.99, { from: T0, to: T0 + 3 * HOUR })).toEqual({
      bad: [{ from: T0 + 60_000, to: T0 + 180_000 }, { from: T0 + 61 * 60_000, to: T0 + 62 * 60_000 }],
      gaps: [{ from: T0 + 180_000, to: T0 + 300_000 }, { from: T0 + 420_000, to: T0 + 59 * 60_000 }, { from: T0 + HOUR, to: T0 + 61 * 60_000 }, { from: T0 + 62 * 60_000, to: T0 + 3 * HOUR }],
    });
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 * 60 - 1 }), fc.integer({ min: 90, max: 100 })), { maxLength: 200 }), fc.integer({ min: 0, max: 4 * 60 }), fc.integer({ min: 0, max: 4 * 60 }), (raw, a, b) => {
      const seen = new Map(raw.map(([i, g]) => [i, { start: T0 + i * 60_000, seconds: 60, good: g, total: 100 }]));
      const mins = [...seen.values()];
      const hours = new Map<number, Bucket>();
      for (const m of mins) {
        const h = Math.floor(m.start / HOUR) * HOUR;
        const row = hours.get(h) ?? { start: h, seconds: 3600, good: 0, total: 0 };
        hours.set(h, { ...row, good: row.good + m.good, total: row.total + m.total });
      }
      const range = { from: T0 + Math.min(a, b) * 60_000, to: T0 + Math.max(a, b) * 60_000 };
      const fromMinutes = measuredIntervals(mins, 0.99, range);
      const fromRows = measuredIntervalsWithSpans([...hours.values()], 0.99, range, minuteSpans(mins, 0.99, { from: T0, to: T0 + 4 * HOUR }));
      expect(mergeIntervals(fromRows.bad)).toEqual(mergeIntervals(fromMinutes.bad));
      expect(mergeIntervals(fromRows.good)).toEqual(mergeIntervals(fromMinutes.good));
    }));
  });
});
