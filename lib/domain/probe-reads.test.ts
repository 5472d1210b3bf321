import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hoursByDay, packDay, unpackDay } from "./probe-days";
import { HOUR_MS, rollupHours } from "./probe-hours";
import { burnReads, countProbe, coverageOf, probeBurnRates, runsToRead, type ProbeHistory, type ProbeRead } from "./probe-reads";
import { burnRatesOf, countRuns, runIsGood, type ProbeRunSample, type ProbeSliKind } from "./probe-sli";
import { probeCoverage } from "./probes";
import type { Budgeting } from "./slo";

const T0 = Date.UTC(2026, 0, 5, 0);
const MIN = 60_000;
const occurrences: Budgeting = { method: "occurrences" };

/** The history a reader gets: the hours before rolledTo (through their day row), and only the runs runsToRead names. */
function history(runs: ProbeRunSample[], interval: number, thresholds: number[], rolledTo: number, reads: ProbeRead[]): ProbeHistory {
  const rolled = rollupHours(runs, interval, thresholds, T0, rolledTo);
  const hours = new Map([...hoursByDay(rolled)].flatMap(([day, list]) => unpackDay(packDay(day, list))).map((h) => [h.start, h]));
  const meta = { intervalSeconds: interval, rolledTo, hours };
  const ranges = runsToRead(meta, reads);
  return { ...meta, runs: runs.filter((r) => ranges.some((x) => r.at >= x.from && r.at < x.to)) };
}

const run = fc.record({ minute: fc.integer({ min: 0, max: 8 * 60 - 1 }), second: fc.integer({ min: 0, max: 59 }), ok: fc.boolean(), latencyMs: fc.integer({ min: 1, max: 2000 }) });
const instant = fc.integer({ min: -HOUR_MS, max: 9 * HOUR_MS }).map((d) => T0 + d);

describe("reading a probe's past from its hours and the runs they cannot answer for", () => {
  it("counts and covers exactly as the runs do, reading runs only where no hour answers (any runs, ranges, SLIs)", () => {
    fc.assert(
      fc.property(
        fc.array(run, { maxLength: 200 }),
        fc.integer({ min: 10, max: 900 }),
        fc.subarray([100, 300, 1000]),
        fc.integer({ min: 0, max: 8 }),
        fc.tuple(instant, instant),
        fc.constantFrom<ProbeSliKind>({ kind: "success" }, { kind: "latency", thresholdMs: 300 }, { kind: "latency", thresholdMs: 555 }),
        fc.constantFrom<Budgeting>(occurrences, { method: "timeslices", sliceSeconds: 300, sliceTarget: 0.5 }),
        (raw, interval, thresholds, rolledHours, [a, b], sli, budgeting) => {
          const runs = raw.map((r) => ({ at: T0 + r.minute * MIN + r.second * 1000, ok: r.ok, latencyMs: r.latencyMs })).sort((x, y) => x.at - y.at);
          const range = { from: Math.min(a, b), to: Math.max(a, b) };
          const reads: ProbeRead[] = [{ use: "count", sli, budgeting, range }, { use: "coverage", sli, range }];
          const h = history(runs, interval, thresholds, T0 + rolledHours * HOUR_MS, reads);
          const counted = countProbe(h, sli, budgeting, range, range.from);
          const expected = countRuns(runs, sli, budgeting, range, range.from);
          expect([counted.good, counted.total, counted.unknownSlices]).toEqual([expected.good, expected.total, expected.unknownSlices]);
          const seen = probeCoverage(runs.map((r) => ({ at: r.at, ok: runIsGood(r, sli) })), interval, range);
          expect(counted.unknownSeconds).toBeCloseTo(seen.unknownSeconds, 6);
          const covered = coverageOf(h, sli, range);
          expect({ up: covered.up, down: covered.down, unknown: covered.unknown, uptime: covered.uptime }).toEqual({ up: seen.up, down: seen.down, unknown: seen.unknown, uptime: seen.uptime });
        },
      ),
    );
  });

  it("reads whole closed hours from the hours: only the edges and the open part from the runs", () => {
    const runs = Array.from({ length: 6 * 120 }, (_, i) => ({ at: T0 + i * 30_000, ok: true, latencyMs: 80 }));
    const range = { from: T0 + 20 * MIN, to: T0 + 5 * HOUR_MS + 10 * MIN };
    const h = history(runs, 30, [], T0 + 4 * HOUR_MS, [{ use: "count", sli: { kind: "success" }, budgeting: occurrences, range }]);
    // The first hour's last 40 minutes (and the 35 s of reach before), and from the fifth hour on.
    expect(runsToRead(h, [{ use: "count", sli: { kind: "success" }, budgeting: occurrences, range }])).toEqual([
      { from: range.from - 35_000, to: T0 + HOUR_MS },
      { from: T0 + 4 * HOUR_MS - 35_000, to: range.to },
    ]);
    expect(countProbe(h, { kind: "success" }, occurrences, range, range.from)).toEqual({ good: 5 * 120 - 40 + 20, total: 5 * 120 - 40 + 20, unknownSlices: 0, unknownSeconds: 0 });
  });

  it("burn rates as the runs give them", () => {
    const runs = Array.from({ length: 80 * 60 }, (_, i) => ({ at: T0 + i * MIN, ok: i % 13 !== 0, latencyMs: i % 4 ? 100 : 900 }));
    const asOf = T0 + 80 * HOUR_MS - 17 * MIN;
    for (const sli of [{ kind: "success" as const }, { kind: "latency" as const, thresholdMs: 300 }]) {
      const h = history(runs, 60, [300], T0 + 78 * HOUR_MS, burnReads(sli, occurrences, asOf));
      expect(probeBurnRates(h, sli, occurrences, asOf, T0, 0.99)).toEqual(burnRatesOf(runs, sli, occurrences, asOf, T0, 0.99));
    }
  });

  it("once the runs are deleted: what the hours keep stays, what they cannot say is unknown", () => {
    const runs = Array.from({ length: 3 * 60 }, (_, i) => ({ at: T0 + i * MIN, ok: true, latencyMs: 100 }));
    const rolledTo = T0 + 2 * HOUR_MS;
    const hours = new Map(rollupHours(runs, 60, [300], T0, rolledTo).map((x) => [x.start, x]));
    const h: ProbeHistory = { intervalSeconds: 60, rolledTo, hours, runs: runs.filter((r) => r.at >= rolledTo) };
    const range = { from: T0, to: T0 + 3 * HOUR_MS };
    expect(countProbe(h, { kind: "latency", thresholdMs: 300 }, occurrences, range, T0)).toEqual({ good: 180, total: 180, unknownSlices: 0, unknownSeconds: 0 });
    // 500 ms was no SLO's threshold when the hours were kept: only the last hour's 60 runs count.
    expect(countProbe(h, { kind: "latency", thresholdMs: 500 }, occurrences, range, T0)).toEqual({ good: 60, total: 60, unknownSlices: 0, unknownSeconds: 7200 });
    // Five-minute slices: the 24 of the kept hours unknown, the 12 of the last hour counted; their time known.
    expect(countProbe(h, { kind: "success" }, { method: "timeslices", sliceSeconds: 300, sliceTarget: 1 }, range, T0)).toEqual({ good: 12, total: 12, unknownSlices: 24, unknownSeconds: 0 });
    // Coverage: up from the hours; for the unknown threshold, unknown there.
    expect(coverageOf(h, { kind: "success" }, range)).toMatchObject({ upSeconds: 3 * 3600, unknownSeconds: 0 });
    expect(coverageOf(h, { kind: "latency", thresholdMs: 500 }, range)).toMatchObject({ upSeconds: 3600, unknownSeconds: 7200 });
  });
});
