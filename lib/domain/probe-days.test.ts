import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packDay, unpackDay } from "./probe-days";
import { emptyHour, HOUR_MS, rollupHours, type ProbeHour } from "./probe-hours";

const DAY = Date.UTC(2026, 2, 3);
const MIN = 60_000;

describe("a probe's day row", () => {
  it("gives back the hours it was packed from (any runs, any thresholds), hours missing in between as empty", () => {
    const run = fc.record({ minute: fc.integer({ min: 0, max: 24 * 60 - 1 }), second: fc.integer({ min: 0, max: 59 }), ok: fc.boolean(), latencyMs: fc.integer({ min: 1, max: 2000 }) });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 300 }), fc.integer({ min: 10, max: 3600 }), fc.subarray([100, 300, 1000]), (raw, interval, thresholds) => {
        const runs = raw.map((r) => ({ at: DAY + r.minute * MIN + r.second * 1000, ok: r.ok, latencyMs: r.latencyMs })).sort((a, b) => a.at - b.at);
        const hours = rollupHours(runs, interval, thresholds, DAY, DAY + 24 * HOUR_MS);
        const back = unpackDay(packDay(DAY, hours));
        const last = hours.at(-1);
        expect(back.length).toBe(last ? (last.start - DAY) / HOUR_MS + 1 : 0);
        for (const h of back) {
          const kept = hours.find((x) => x.start === h.start);
          if (kept) expect(h).toEqual(kept);
          else expect(h).toEqual({ ...emptyHour(h.start), within: thresholds.map((t) => ({ thresholdMs: t, runs: 0 })).sort((a, b) => a.thresholdMs - b.thresholdMs), slow: [...thresholds].sort((a, b) => a - b).map((t) => ({ thresholdMs: t, spans: [] })) });
        }
      }),
    );
  });

  it("replaces an hour written again, and says which hours were not kept with a threshold named later", () => {
    const runs = Array.from({ length: 3 * 60 }, (_, i) => ({ at: DAY + i * MIN, ok: i % 7 !== 0, latencyMs: i % 2 ? 500 : 100 }));
    const early = rollupHours(runs, 60, [], DAY, DAY + 2 * HOUR_MS);
    const later = rollupHours(runs, 60, [300], DAY + HOUR_MS, DAY + 3 * HOUR_MS);
    const back = unpackDay(packDay(DAY, [...early, ...later]));
    expect(back.map((h) => h.within)).toEqual([[], [{ thresholdMs: 300, runs: later[0]?.within[0]?.runs }], [{ thresholdMs: 300, runs: later[1]?.within[0]?.runs }]]);
    expect(back[1]).toEqual(later[0]);
  });

  it("gives a reader that only counts the same counts and unknown time, untimed", () => {
    const runs = Array.from({ length: 5 * 60 }, (_, i) => ({ at: DAY + i * MIN + (i % 3) * 7_000, ok: i % 11 !== 0, latencyMs: i % 4 ? 100 : 900 }));
    const row = packDay(DAY, rollupHours(runs, 60, [300], DAY, DAY + 6 * HOUR_MS));
    const amount = (h: ProbeHour) => h.unknown.reduce((s, i) => s + i.to - i.from, 0);
    const counts = (h: ProbeHour) => [h.start, h.runs, h.failures, h.within, amount(h)];
    expect(unpackDay(row, false).map(counts)).toEqual(unpackDay(row).map(counts));
    expect(unpackDay(row, false).every((h) => !h.timed && h.down.length === 0 && h.slow.length === 0)).toBe(true);
  });

  it("keeps untimed hours (kept before timing was) as counts and an amount of unknown time", () => {
    const untimed: ProbeHour = { start: DAY, runs: 10, failures: 2, within: [{ thresholdMs: 300, runs: 7 }], unknown: [{ from: DAY, to: DAY + 90_000 }], timed: false, down: [], slow: [] };
    const timed = rollupHours([{ at: DAY + HOUR_MS + 10, ok: true, latencyMs: 5 }], 60, [300], DAY + HOUR_MS, DAY + 2 * HOUR_MS);
    const row = packDay(DAY, [untimed, ...timed]);
    expect(row.untimedHours).toBe(1);
    expect(unpackDay(row)).toEqual([untimed, ...timed]);
    expect(() => packDay(DAY, [{ ...untimed, start: DAY + HOUR_MS }, ...timed.map((h) => ({ ...h, start: DAY }))])).toThrow(/untimed hours must come first/);
  });
});
