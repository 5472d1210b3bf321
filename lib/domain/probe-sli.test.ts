import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { burnRatesOf, countRuns, eventBudget, probeBurnState, runIsGood, type ProbeRunSample } from "./probe-sli";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 2);
/** One run a minute from T0; `bad(i)` says which fail. */
const minutely = (n: number, bad: (i: number) => boolean = () => false, latency: (i: number) => number = () => 100): ProbeRunSample[] =>
  Array.from({ length: n }, (_, i) => ({ at: T0 + i * MIN, ok: !bad(i), latencyMs: latency(i) }));
const success = { kind: "success" } as const;
const occurrences = { method: "occurrences" } as const;

describe("an SLO from a probe's runs", () => {
  it("counts each run as an event: 99 of 100 good is 0.99", () => {
    const runs = minutely(100, (i) => i === 42);
    expect(countRuns(runs, success, occurrences, { from: T0, to: T0 + 100 * MIN }, T0)).toEqual({ good: 99, total: 100, unknownSlices: 0 });
  });

  it("a latency SLI counts runs that succeeded within the threshold, the threshold itself included", () => {
    expect(runIsGood({ at: 0, ok: true, latencyMs: 300 }, { kind: "latency", thresholdMs: 300 })).toBe(true);
    expect(runIsGood({ at: 0, ok: true, latencyMs: 301 }, { kind: "latency", thresholdMs: 300 })).toBe(false);
    expect(runIsGood({ at: 0, ok: false, latencyMs: 10 }, { kind: "latency", thresholdMs: 300 })).toBe(false);
    const runs = minutely(10, () => false, (i) => (i < 7 ? 200 : 900));
    expect(countRuns(runs, { kind: "latency", thresholdMs: 500 }, occurrences, { from: T0, to: T0 + 10 * MIN }, T0)).toMatchObject({ good: 7, total: 10 });
  });

  it("cuts time slices from the window's start; a slice with no run is unknown, neither good nor bad", () => {
    // Five-minute slices over 30 minutes: runs in minutes 0–9 and 20–29, one failure in minute 3.
    const runs = minutely(30, (i) => i === 3).filter((r) => r.at < T0 + 10 * MIN || r.at >= T0 + 20 * MIN);
    const slices = (sliceTarget: number) => countRuns(runs, success, { method: "timeslices", sliceSeconds: 300, sliceTarget }, { from: T0, to: T0 + 30 * MIN }, T0);
    expect(slices(1)).toEqual({ good: 3, total: 4, unknownSlices: 2 });
    expect(slices(0.8)).toEqual({ good: 4, total: 4, unknownSlices: 2 });
  });

  it("budgets events as they come, and slices over the whole window", () => {
    const counts = { good: 990, total: 1000, unknownSlices: 0 };
    expect(eventBudget(0.99, counts, occurrences, 0)).toEqual({ allowed: 10, consumed: 10, remaining: 0, remainingRatio: 0, overspent: false });
    // A 30-day window of 1-minute slices: 43,200 slices, 0.1 % of them = 43.2 allowed bad slices.
    const b = eventBudget(0.999, { good: 100, total: 110, unknownSlices: 0 }, { method: "timeslices", sliceSeconds: 60, sliceTarget: 1 }, 30 * 86_400_000);
    expect(b?.allowed).toBeCloseTo(43.2, 9);
    expect(b?.consumed).toBe(10);
    expect(eventBudget(0.99, { good: 0, total: 0, unknownSlices: 0 }, occurrences, 0)).toBeNull();
  });

  it("burns at the share of bad runs over the share allowed, and is unknown where nothing ran", () => {
    // Three days of minutely runs, the last hour with 6 of 60 failing: 10 % bad at a 1 % allowance.
    const n = 3 * 1440;
    const runs = minutely(n, (i) => i >= n - 60 && i % 10 === 0);
    const asOf = T0 + n * MIN;
    const rates = burnRatesOf(runs, success, occurrences, asOf, T0, 0.99);
    expect(rates["1h"]).toBeCloseTo(10, 9);
    expect(rates["5m"]).toBeCloseTo(((runs.slice(-5).filter((r) => !r.ok).length / 5) / 0.01), 9);
    expect(rates["3d"]).toBeCloseTo(6 / n / 0.01, 9);
    expect(probeBurnState(rates)).toBe("ok");
    // The last hour all failing: 100× over 1 h and 5 min, a fast burn.
    const failing = burnRatesOf(minutely(n, (i) => i >= n - 60), success, occurrences, asOf, T0, 0.99);
    expect(failing["1h"]).toBeCloseTo(100, 9);
    expect(probeBurnState(failing)).toBe("fast_burn");
    const silent = burnRatesOf([], success, occurrences, asOf, T0, 0.99);
    expect(silent["1h"]).toBeNull();
    expect(probeBurnState(silent)).toBeNull();
  });

  it("every run is counted once, whichever way the range is split", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.boolean()), { maxLength: 200 }), fc.integer({ min: 1, max: 9_999 }), (raw, cut) => {
        const runs = raw.map(([s, ok]) => ({ at: T0 + s * 1000, ok, latencyMs: 1 })).sort((a, b) => a.at - b.at);
        const all = countRuns(runs, success, occurrences, { from: T0, to: T0 + 10_001_000 }, T0);
        const a = countRuns(runs, success, occurrences, { from: T0, to: T0 + cut * 1000 }, T0);
        const b = countRuns(runs, success, occurrences, { from: T0 + cut * 1000, to: T0 + 10_001_000 }, T0);
        expect(a.total + b.total).toBe(runs.length);
        expect(a.good + b.good).toBe(all.good);
        expect(all.good).toBe(runs.filter((r) => r.ok).length);
      }),
    );
  });

  it("slices: known and unknown slices make up the range, and good ones are among the known", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3_600 }), fc.boolean()), { maxLength: 100 }), fc.constantFrom(60, 300, 900), fc.double({ min: 0.01, max: 1, noNaN: true }), (raw, slice, sliceTarget) => {
        const runs = raw.map(([s, ok]) => ({ at: T0 + s * 1000, ok, latencyMs: 1 })).sort((a, b) => a.at - b.at);
        const c = countRuns(runs, success, { method: "timeslices", sliceSeconds: slice, sliceTarget }, { from: T0, to: T0 + 3_601_000 }, T0);
        expect(c.total + c.unknownSlices).toBe(Math.ceil(3_601 / slice));
        expect(c.good).toBeLessThanOrEqual(c.total);
        expect(c.total).toBe(new Set(runs.map((r) => Math.floor((r.at - T0) / (slice * 1000)))).size);
      }),
    );
  });
});
