import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyHour, goodRunsOf, hourCoverage, HOUR_MS, rollupHours, unknownMsOf } from "./probe-hours";
import { runIsGood, type ProbeRunSample, type ProbeSliKind } from "./probe-sli";
import { probeCoverage } from "./probes";

const T0 = Date.UTC(2026, 0, 5, 0);
const MIN = 60_000;

/** Runs a minute apart over `hours` hours: run i fails when `fails(i)`, answers in `latency(i)` ms. */
function minuteRuns(hours: number, fails: (i: number) => boolean, latency: (i: number) => number): ProbeRunSample[] {
  return Array.from({ length: hours * 60 }, (_, i) => ({ at: T0 + i * MIN, ok: !fails(i), latencyMs: latency(i) }));
}

const runIsGoodPoint = (r: ProbeRunSample, sli: ProbeSliKind) => ({ at: r.at, ok: runIsGood(r, sli) });

describe("a probe's hours", () => {
  it("keep runs, failures, the runs within each threshold, and where down, slow and unknown time was", () => {
    // Two hours of runs a minute apart, then nothing for an hour, then one more run.
    const runs = [...minuteRuns(2, (i) => i % 10 === 0, (i) => (i % 3 === 0 ? 900 : 100)), { at: T0 + 3 * HOUR_MS + 30 * MIN, ok: true, latencyMs: 50 }];
    const hours = rollupHours(runs, 60, [300, 1000, 300], T0, T0 + 5 * HOUR_MS);
    // The fifth hour is left out: nothing started in it and nothing covered it.
    expect(hours.map((h) => (h.start - T0) / HOUR_MS)).toEqual([0, 1, 2, 3]);
    // Every tenth run failed, every third took 900 ms (two of them both): 36 within 300 ms.
    expect(hours[0]).toMatchObject({ start: T0, runs: 60, failures: 6, unknown: [], within: [{ thresholdMs: 300, runs: 60 - 20 - 4 }, { thresholdMs: 1000, runs: 54 }] });
    // Down: the minutes after each failed run; slow at 300 ms: after each ok run of 900 ms.
    expect(hours[0]?.down.slice(0, 2)).toEqual([{ from: T0, to: T0 + MIN }, { from: T0 + 10 * MIN, to: T0 + 11 * MIN }]);
    expect(hours[0]?.slow.find((s) => s.thresholdMs === 300)?.spans[0]).toEqual({ from: T0 + 3 * MIN, to: T0 + 4 * MIN });
    expect(hours[0]?.slow.find((s) => s.thresholdMs === 1000)?.spans).toEqual([]);
    // The second hour's last run covers 5 s of the third (a minute and the 5 s of slack), in which nothing started.
    expect(hours[2]).toMatchObject({ runs: 0, failures: 0, unknown: [{ from: T0 + 2 * HOUR_MS + 5000, to: T0 + 3 * HOUR_MS }] });
    expect(unknownMsOf(hours[3]!)).toBe(HOUR_MS - 65_000);
  });

  it("say what the runs said of any part of them, for success and any threshold they were kept with", () => {
    const run = fc.record({ minute: fc.integer({ min: 0, max: 3 * 60 - 1 }), second: fc.integer({ min: 0, max: 59 }), ok: fc.boolean(), latencyMs: fc.integer({ min: 1, max: 2000 }) });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 150 }), fc.integer({ min: 10, max: 900 }), fc.constantFrom(100, 300, 1000), fc.integer({ min: 0, max: HOUR_MS - 1 }), fc.integer({ min: 1, max: HOUR_MS }), (raw, interval, threshold, offset, length) => {
        const runs = raw.map((r) => ({ at: T0 + r.minute * MIN + r.second * 1000, ok: r.ok, latencyMs: r.latencyMs })).sort((a, b) => a.at - b.at);
        const hours = new Map(rollupHours(runs, interval, [threshold], T0, T0 + 3 * HOUR_MS).map((h) => [h.start, h]));
        const start = T0 + HOUR_MS;
        const hour = hours.get(start) ?? emptyHour(start);
        const part = { from: start + offset, to: Math.min(start + HOUR_MS, start + offset + length) };
        for (const sli of [{ kind: "success" as const }, { kind: "latency" as const, thresholdMs: threshold }]) {
          const seen = probeCoverage(runs.map((r) => runIsGoodPoint(r, sli)), interval, part);
          expect(hourCoverage(hour, sli, part.from, part.to)).toEqual({ up: seen.up, down: seen.down, unknown: seen.unknown });
          const inHour = runs.filter((r) => r.at >= start && r.at < start + HOUR_MS);
          expect(goodRunsOf(hour, sli)).toBe(inHour.filter((r) => runIsGoodPoint(r, sli).ok).length);
        }
        // A threshold the hour was not kept with: no count, and no layout if anything covered it.
        expect(goodRunsOf(hour, { kind: "latency", thresholdMs: 555 })).toBe(hour.runs === 0 ? 0 : null);
      }),
    );
  });
});
