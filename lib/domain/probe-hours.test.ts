import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countProbe, HOUR_MS, rollupHours, type ProbeHistory } from "./probe-hours";
import { countRuns, type ProbeRunSample } from "./probe-sli";
import { probeCoverage } from "./probes";

const T0 = Date.UTC(2026, 0, 5, 0);
const MIN = 60_000;
const occurrences = { method: "occurrences" } as const;

/** Runs a minute apart over `hours` hours: run i fails when `fails(i)`, answers in `latency(i)` ms. */
function minuteRuns(hours: number, fails: (i: number) => boolean, latency: (i: number) => number): ProbeRunSample[] {
  return Array.from({ length: hours * 60 }, (_, i) => ({ at: T0 + i * MIN, ok: !fails(i), latencyMs: latency(i) }));
}

describe("a probe's hours", () => {
  it("keep runs, failures, unknown time and the runs within each threshold", () => {
    // Two hours of runs a minute apart, then nothing for an hour, then one more run.
    const runs = [...minuteRuns(2, (i) => i % 10 === 0, (i) => (i % 3 === 0 ? 900 : 100)), { at: T0 + 3 * HOUR_MS + 30 * MIN, ok: true, latencyMs: 50 }];
    const hours = rollupHours(runs, 60, [300, 1000, 300], T0, T0 + 5 * HOUR_MS);
    // The fifth hour is left out: nothing started in it and nothing covered it.
    expect(hours.map((h) => (h.start - T0) / HOUR_MS)).toEqual([0, 1, 2, 3]);
    // Every tenth run failed, every third took 900 ms (two of them both): 36 within 300 ms.
    expect(hours[0]).toEqual({ start: T0, runs: 60, failures: 6, unknownSeconds: 0, withinMs: [300, 1000], withinRuns: [60 - 20 - 4, 54] });
    // The second hour's last run covers 5 s of the third (a minute and the 5 s of slack), in which nothing started.
    expect(hours[2]).toMatchObject({ runs: 0, failures: 0, unknownSeconds: 3595 });
    expect(hours[3]).toMatchObject({ runs: 1, failures: 0, unknownSeconds: 3600 - 65 });
  });

  it("count as the runs did over whole hours, for success and for latency (any runs, any thresholds)", () => {
    const run = fc.record({ minute: fc.integer({ min: 0, max: 6 * 60 - 1 }), second: fc.integer({ min: 0, max: 59 }), ok: fc.boolean(), latencyMs: fc.integer({ min: 1, max: 2000 }) });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 200 }), fc.integer({ min: 10, max: 900 }), fc.constantFrom(100, 300, 1000), fc.integer({ min: 1, max: 5 }), (raw, interval, threshold, rolled) => {
        const runs = raw.map((r) => ({ at: T0 + r.minute * MIN + r.second * 1000, ok: r.ok, latencyMs: r.latencyMs })).sort((a, b) => a.at - b.at);
        const rolledTo = T0 + rolled * HOUR_MS;
        const history: ProbeHistory = { intervalSeconds: interval, rolledTo, hours: rollupHours(runs, interval, [threshold], T0, rolledTo), runs: runs.filter((r) => r.at >= rolledTo - interval * 1000 - 5000) };
        const range = { from: T0, to: T0 + 6 * HOUR_MS };
        for (const sli of [{ kind: "success" as const }, { kind: "latency" as const, thresholdMs: threshold }]) {
          const fromHours = countProbe(history, sli, occurrences, range, T0);
          const fromRuns = countRuns(runs, sli, occurrences, range, T0);
          expect([fromHours.good, fromHours.total]).toEqual([fromRuns.good, fromRuns.total]);
          expect(fromHours.unknownSeconds).toBeCloseTo(probeCoverage(runs, interval, range).unknownSeconds, 6);
        }
      }),
    );
  });

  it("a threshold the hours were not kept with, and time slices, are unknown there", () => {
    const runs = minuteRuns(3, () => false, () => 100);
    const rolledTo = T0 + 2 * HOUR_MS;
    const history: ProbeHistory = { intervalSeconds: 60, rolledTo, hours: rollupHours(runs, 60, [300], T0, rolledTo), runs: runs.filter((r) => r.at >= rolledTo - 65_000) };
    const range = { from: T0, to: T0 + 3 * HOUR_MS };
    // 500 ms was no SLO's threshold when the hours were kept: only the last hour's 60 runs count.
    expect(countProbe(history, { kind: "latency", thresholdMs: 500 }, occurrences, range, T0)).toEqual({ good: 60, total: 60, unknownSlices: 0, unknownSeconds: 7200 });
    // Five-minute slices: the 24 of the kept hours unknown, the 12 of the last hour counted.
    expect(countProbe(history, { kind: "success" }, { method: "timeslices", sliceSeconds: 300, sliceTarget: 1 }, range, T0)).toEqual({ good: 12, total: 12, unknownSlices: 24, unknownSeconds: 0 });
  });
});
