import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeIncidentMetrics, computeMttx, durationStats, incidentDurations, type IncidentTimes } from "./incident-metrics";

const MIN = 60_000;
const D = 86_400_000;
const T0 = Date.UTC(2026, 3, 1);

function incident(id: string, startedAt: number, after: { detected?: number; acked?: number; resolved?: number }, kind: IncidentTimes["kind"] = "unplanned"): IncidentTimes {
  return {
    incidentId: id,
    kind,
    startedAt,
    detectedAt: after.detected === undefined ? null : startedAt + after.detected,
    acknowledgedAt: after.acked === undefined ? null : startedAt + after.acked,
    resolvedAt: after.resolved === undefined ? null : startedAt + after.resolved,
  };
}

describe("durationStats", () => {
  it("is empty-safe", () => {
    expect(durationStats([], 3)).toEqual({ count: 0, excluded: 3, meanSeconds: null, medianSeconds: null, p90Seconds: null });
  });

  it.each<[number[], number, number, number]>([
    // values, mean, median, p90 (nearest rank: the ceil(0.9 n)-th smallest)
    [[42], 42, 42, 42],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 5.5, 9],
    [[11, 1, 10, 2, 9, 3, 8, 4, 7, 5, 6], 6, 6, 10],
    [[300, 60], 180, 180, 300],
    [[1, 1, 1, 1000], 250.75, 1, 1000],
  ])("%j → mean %s, median %s, p90 %s", (values, mean, median, p90) => {
    expect(durationStats(values)).toEqual({ count: values.length, excluded: 0, meanSeconds: mean, medianSeconds: median, p90Seconds: p90 });
  });
});

describe("computeIncidentMetrics", () => {
  const incidents = [
    incident("a", T0, { detected: 5 * MIN, acked: 7 * MIN, resolved: 60 * MIN }),
    incident("b", T0 + D, { detected: 1 * MIN, resolved: 30 * MIN }),
    incident("c", T0 + 3 * D, {}), // ongoing, nothing recorded yet
    incident("m", T0 + 2 * D, { detected: 0, acked: 0, resolved: 120 * MIN }, "maintenance"),
  ];

  it("measures unplanned incidents only and counts the left-out ones", () => {
    const metrics = computeIncidentMetrics(incidents);
    expect(metrics.incidentCount).toBe(3);
    expect(metrics.mttd).toEqual({ count: 2, excluded: 1, meanSeconds: 180, medianSeconds: 180, p90Seconds: 300 });
    expect(metrics.mtta).toEqual({ count: 1, excluded: 2, meanSeconds: 120, medianSeconds: 120, p90Seconds: 120 });
    expect(metrics.mttr).toEqual({ count: 2, excluded: 1, meanSeconds: 2700, medianSeconds: 2700, p90Seconds: 3600 });
    // starts at T0, T0+1d, T0+3d: gaps 86,400 s and 172,800 s
    expect(metrics.mtbf).toEqual({ count: 2, excluded: 0, meanSeconds: 129_600, medianSeconds: 129_600, p90Seconds: 172_800 });
  });

  it("keeps incidents that started in the window", () => {
    const metrics = computeIncidentMetrics(incidents, { from: T0 + D, to: T0 + 3 * D });
    expect(metrics.incidentCount).toBe(1);
    expect(metrics.mttr.meanSeconds).toBe(1800);
    expect(metrics.mtbf).toEqual({ count: 0, excluded: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null });
  });

  it("leaves out milestones recorded before the one they are measured from", () => {
    const metrics = computeIncidentMetrics([incident("x", T0, { detected: -5 * MIN, acked: 2 * MIN, resolved: 10 * MIN })]);
    expect(metrics.mttd).toMatchObject({ count: 0, excluded: 1 });
    // acknowledged 7 min after the (early) detection is still a valid MTTA
    expect(metrics.mtta).toMatchObject({ count: 1, meanSeconds: 420 });
    expect(metrics.mttr).toMatchObject({ count: 1, meanSeconds: 600 });
  });

  it("adds whole milliseconds and divides once: 0.1 s and 0.2 s average 0.15 s, not 0.15000000000000002", () => {
    const metrics = computeIncidentMetrics([incident("a", T0, { resolved: 100 }), incident("b", T0 + D, { resolved: 200 })]);
    expect(metrics.mttr).toEqual({ count: 2, excluded: 0, meanSeconds: 0.15, medianSeconds: 0.15, p90Seconds: 0.2 });
  });

  it("counts an incident once even if listed twice", () => {
    const a = incident("a", T0, { resolved: 10 * MIN });
    expect(computeIncidentMetrics([a, a]).mttr.count).toBe(1);
  });

  it("keeps the last entry given for an id, short list or long", () => {
    const entry = fc.record({
      id: fc.integer({ min: 0, max: 25 }),
      start: fc.integer({ min: 0, max: 100 }),
      resolved: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const list = entries.map((e) => incident(`i${e.id}`, T0 + e.start * MIN, { resolved: e.resolved === undefined ? undefined : e.resolved * MIN }));
        const once = [...new Map(list.map((i) => [i.incidentId, i])).values()];
        expect(computeIncidentMetrics(list)).toEqual(computeIncidentMetrics(once));
      }),
    );
  });
});

describe("incidentDurations", () => {
  it("measures each milestone from the one before it, null when missing or out of order", () => {
    expect(incidentDurations({ startedAt: 0, detectedAt: 60_000, acknowledgedAt: 90_000, resolvedAt: 600_000 })).toEqual({ ttdSeconds: 60, ttaSeconds: 30, ttrSeconds: 600 });
    expect(incidentDurations({ startedAt: 0, detectedAt: null, acknowledgedAt: null, resolvedAt: null })).toEqual({ ttdSeconds: null, ttaSeconds: null, ttrSeconds: null });
    expect(incidentDurations({ startedAt: 100, detectedAt: 50, acknowledgedAt: 200, resolvedAt: 300 })).toMatchObject({ ttdSeconds: null, ttaSeconds: 0.15 });
  });
});

describe("computeMttx", () => {
  it("is computeIncidentMetrics' MTTD, MTTA and MTTR with MTTM beside them", () => {
    const times = [incident("a", T0, { detected: 2 * MIN, acked: 5 * MIN, resolved: 60 * MIN }), incident("b", T0 + D, { detected: 4 * MIN, resolved: 30 * MIN }), incident("m", T0, { resolved: MIN }, "maintenance")];
    const mitigated = [T0 + 20 * MIN, null, null];
    const withMitigation = times.map((t, i) => ({ ...t, mitigatedAt: mitigated[i] ?? null }));
    const window = { from: T0, to: T0 + 7 * D };
    const base = computeIncidentMetrics(times, window);
    const mttx = computeMttx(withMitigation, window);
    expect(mttx).toEqual({ incidentCount: 2, mttd: base.mttd, mtta: base.mtta, mttr: base.mttr, mttm: { count: 1, excluded: 1, meanSeconds: 1200, medianSeconds: 1200, p90Seconds: 1200 } });
    expect(computeMttx(withMitigation, { from: T0 + D, to: T0 + 2 * D }).incidentCount).toBe(1);
  });
});
