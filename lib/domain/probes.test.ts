import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterRun, COVERAGE_SLACK_MS, isForbiddenAddress, mergeIntervals, parseStatusRange, probeCoverage, reconcile, runSucceeded, subtractIntervals, isPublicAddress } from "./probes";

const S = 1000;

describe("probe rules", () => {
  it.each([
    ["200-299", { min: 200, max: 299 }],
    ["204", { min: 204, max: 204 }],
    [" 301 - 308 ", { min: 301, max: 308 }],
    ["299-200", null],
    ["2xx", null],
    ["600", null],
  ])("status range %j", (text, range) => expect(parseStatusRange(text)).toEqual(range));

  it("a run succeeds with an answer in range and the text, if any", () => {
    const r = { min: 200, max: 299 };
    expect(runSucceeded({ status: 204, error: null, textMatched: null }, r)).toBe(true);
    expect(runSucceeded({ status: 204, error: null, textMatched: false }, r)).toBe(false);
    expect(runSucceeded({ status: 500, error: null, textMatched: true }, r)).toBe(false);
    expect(runSucceeded({ status: null, error: "timeout", textMatched: null }, r)).toBe(false);
  });

  it("opens an incident at the Nth failure, from the first failed run; the first success resolves it", () => {
    let s = { consecutiveFailures: 0, firstFailureAt: null as number | null, incidentOpen: false };
    const steps = [
      [10, false], [20, false], [30, false], [40, false], [50, true],
    ] as const;
    const seen = steps.map(([at, ok]) => {
      const next = afterRun(s, { at, ok }, 3);
      s = next;
      return [next.open, next.resolve];
    });
    expect(seen).toEqual([[null, null], [null, null], [{ startedAt: 10 }, null], [null, null], [null, { at: 50 }]]);
  });

  it("merges and subtracts intervals", () => {
    expect(mergeIntervals([{ from: 5, to: 8 }, { from: 0, to: 3 }, { from: 2, to: 6 }])).toEqual([{ from: 0, to: 8 }]);
    expect(subtractIntervals([{ from: 0, to: 10 }], [{ from: 2, to: 3 }, { from: 8, to: 12 }])).toEqual([{ from: 0, to: 2 }, { from: 3, to: 8 }]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(100), fc.nat(20))), fc.array(fc.tuple(fc.nat(100), fc.nat(20))), (a, b) => {
        const A = a.map(([f, l]) => ({ from: f, to: f + l }));
        const B = b.map(([f, l]) => ({ from: f, to: f + l }));
        const rest = subtractIntervals(A, B);
        for (const r of rest) for (const c of B.filter((x) => x.to > x.from)) expect(r.to <= c.from || r.from >= c.to).toBe(true);
      }),
    );
  });

  it("counts time no run covered as unknown, never as down", () => {
    const window = { from: 0, to: 600 * S };
    // Runs every 60 s up to 120 s, then nothing (the scheduler was down) until 400 s; a failure at 460 s.
    const runs = [0, 60, 120, 400, 460, 520].map((t) => ({ at: t * S, ok: t !== 460 }));
    const c = probeCoverage(runs, 60, window);
    expect(c.downSeconds).toBe(60);
    // Each run covers its 60 s and the slack: unknown from 185 s to 400 s, and after 585 s.
    expect(COVERAGE_SLACK_MS).toBe(5 * S);
    expect(c.unknownSeconds).toBe(215 + 15);
    expect(c.upSeconds + c.downSeconds + c.unknownSeconds).toBe(600);
    expect(c.uptime).toBeCloseTo(c.upSeconds / (c.upSeconds + 60), 12);
    expect(probeCoverage([], 60, window)).toMatchObject({ unknownSeconds: 600, uptime: null });
  });

  it("reconciles: down by the probe with no incident, and an incident while the probe saw up", () => {
    const d = reconcile([{ from: 100, to: 200 }], [{ from: 0, to: 100 }, { from: 200, to: 1000 }], [{ from: 150, to: 250 }, { from: 600, to: 700 }]);
    expect(d).toEqual([
      { from: 100, to: 150, kind: "probe_only" },
      { from: 200, to: 250, kind: "incident_only" },
      { from: 600, to: 700, kind: "incident_only" },
    ]);
  });

  it.each([["169.254.169.254", true], ["169.254.1.1", true], ["::ffff:169.254.169.254", true], ["fe80::1", true], ["fd00:ec2::254", true], ["127.0.0.1", false], ["10.0.0.1", false], ["93.184.216.34", false], ["::1", false]])(
    "%s forbidden: %s",
    (a, forbidden) => expect(isForbiddenAddress(a)).toBe(forbidden),
  );
});

describe("isPublicAddress", () => {
  it.each([
    ["93.184.216.34", true],
    ["2606:2800:220:1:248:1893:25c8:1946", true],
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["172.32.0.1", true],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["::1", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
  ])("%s → %s", (address, expected) => expect(isPublicAddress(address)).toBe(expected));
});
