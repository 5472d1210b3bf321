/**
 * Property-based checks of the sweep against a deliberately naive oracle: on a grid of whole
 * minutes the state is constant within each minute, so evaluating the definitions of docs/domain.md once per
 * minute is exact and shares no code with the engine.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAvailability, computeSeries, computeSeriesTotals, type AvailabilityResult, type Impact, type MaintenanceRule } from "./availability";

const MIN = 60_000;
const FRACTIONS = [0.1, 0.25, 0.5, 0.75, 1] as const;

interface Scenario {
  impacts: Impact[];
  from: number;
  to: number;
  asOf: number;
  rule: MaintenanceRule;
}

const incidentMeta = fc.array(
  fc.record({ maintenance: fc.boolean(), startedAt: fc.integer({ min: -60, max: 600 }) }),
  { minLength: 6, maxLength: 6 },
);

const rawImpact = fc.record({
  who: fc.integer({ min: 0, max: 5 }),
  start: fc.integer({ min: -60, max: 660 }),
  length: fc.integer({ min: 0, max: 300 }),
  ongoing: fc.boolean(),
  fraction: fc.constantFrom(...FRACTIONS),
});

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    meta: incidentMeta,
    raws: fc.array(rawImpact, { maxLength: 8 }),
    from: fc.integer({ min: 0, max: 300 }),
    length: fc.integer({ min: 0, max: 400 }),
    asOf: fc.integer({ min: -30, max: 800 }),
    rule: fc.constantFrom<MaintenanceRule>("count", "exclude"),
  })
  .map(({ meta, raws, from, length, asOf, rule }) => ({
    impacts: raws.map((r) => {
      const m = meta[r.who] ?? { maintenance: false, startedAt: 0 };
      return {
        incidentId: `i${r.who}`,
        kind: m.maintenance ? "maintenance" : "unplanned",
        fraction: r.fraction,
        start: r.start * MIN,
        end: r.ongoing && r.who % 2 === 0 ? null : (r.start + r.length) * MIN,
        incidentStartedAt: m.startedAt * MIN,
      } satisfies Impact;
    }),
    from: from * MIN,
    to: (from + length) * MIN,
    asOf: asOf * MIN,
    rule,
  }));

/** The definitions of docs/domain.md "Availability", evaluated minute by minute. Seconds out. */
function oracle(s: Scenario) {
  const end = Math.max(s.from, Math.min(s.to, s.asOf));
  let down = 0;
  let unplanned = 0;
  let maintenance = 0;
  let counted = 0;
  const perIncident = new Map<string, number>();
  for (let t = s.from; t < end; t += MIN) {
    const active = s.impacts.filter((i) => i.fraction > 0 && i.start <= t && t < (i.end ?? s.asOf) && t < s.asOf);
    const u = Math.max(0, ...active.filter((i) => i.kind === "unplanned").map((i) => i.fraction));
    const m = Math.max(0, ...active.filter((i) => i.kind === "maintenance").map((i) => i.fraction));
    const d = Math.max(u, m);
    down += 60 * d;
    unplanned += 60 * u;
    maintenance += 60 * (d - u);
    const countedFraction = (i: Impact) => (s.rule === "exclude" && i.kind === "maintenance" ? 0 : i.fraction);
    const c = s.rule === "count" ? d : u;
    counted += 60 * c;
    if (c > 0) {
      // Largest counted fraction; ties: unplanned first, then earliest incident start, then id.
      const leader = [...active].sort(
        (a, b) =>
          countedFraction(b) - countedFraction(a) ||
          (a.kind === b.kind ? 0 : a.kind === "unplanned" ? -1 : 1) ||
          a.incidentStartedAt - b.incidentStartedAt ||
          (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0),
      )[0];
      if (leader !== undefined) perIncident.set(leader.incidentId, (perIncident.get(leader.incidentId) ?? 0) + 60 * c);
    }
  }
  return { down, unplanned, maintenance, counted, perIncident };
}

function run(s: Scenario, from = s.from, to = s.to) {
  return computeAvailability({ impacts: s.impacts, from, to, asOf: s.asOf, maintenance: s.rule, measuredSince: null });
}

describe("availability properties", () => {
  it("matches the minute-by-minute oracle", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        const o = oracle(s);
        expect(r.downtimeSeconds).toBeCloseTo(o.down, 6);
        expect(r.unplannedSeconds).toBeCloseTo(o.unplanned, 6);
        expect(r.maintenanceSeconds).toBeCloseTo(o.maintenance, 6);
        expect(r.countedSeconds).toBeCloseTo(o.counted, 6);
        for (const incident of r.incidents) {
          expect(incident.downtimeSeconds).toBeCloseTo(o.perIncident.get(incident.incidentId) ?? 0, 6);
        }
        for (const [id, seconds] of o.perIncident) {
          expect(r.incidents.find((i) => i.incidentId === id)?.downtimeSeconds ?? 0).toBeCloseTo(seconds, 6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps availability within [0, 1]", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        expect(r.availability).toBeGreaterThanOrEqual(0);
        expect(r.availability).toBeLessThanOrEqual(1);
        expect(r.availabilityCounted).toBeGreaterThanOrEqual(0);
        expect(r.availabilityCounted).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("never raises availability when an incident is added", () => {
    fc.assert(
      fc.property(scenario, rawImpact, fc.boolean(), (s, extra, maintenance) => {
        const before = run(s).availability;
        const added: Impact = {
          incidentId: "extra",
          kind: maintenance ? "maintenance" : "unplanned",
          fraction: extra.fraction,
          start: extra.start * MIN,
          end: (extra.start + extra.length) * MIN,
          incidentStartedAt: extra.start * MIN,
        };
        const after = run({ ...s, impacts: [...s.impacts, added] }).availability;
        expect(after).toBeLessThanOrEqual((before ?? Number.NaN) + 1e-12);
      }),
    );
  });

  it("adds up over any split of the window", () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), (s, at) => {
        const split = s.from + Math.round((s.to - s.from) * at);
        const whole = run(s);
        const left = run(s, s.from, split);
        const right = run(s, split, s.to);
        expect(left.downtimeSeconds + right.downtimeSeconds).toBeCloseTo(whole.downtimeSeconds, 6);
        expect(left.countedSeconds + right.countedSeconds).toBeCloseTo(whole.countedSeconds, 6);
        expect(left.elapsedSeconds + right.elapsedSeconds).toBe(whole.elapsedSeconds);
      }),
    );
  });

  it("attributes every counted second exactly once", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        const sum = r.incidents.reduce((acc, i) => acc + i.downtimeSeconds, 0);
        expect(sum).toBeCloseTo(r.countedSeconds, 6);
        const segmentSum = r.segments.reduce((acc, g) => acc + ((g.to - g.from) / 1000) * g.counted, 0);
        expect(segmentSum).toBeCloseTo(r.countedSeconds, 6);
      }),
    );
  });

  it("gives the same figures in a series as one window at a time", () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.tuple(fc.integer({ min: -60, max: 700 }), fc.integer({ min: 0, max: 300 })), { maxLength: 5 }), (s, raw) => {
        const windows = raw.map(([a, len]) => ({ from: a * MIN, to: (a + len) * MIN }));
        const series = computeSeries(s.impacts, windows, { asOf: s.asOf, maintenance: s.rule, measuredSince: null });
        const totals = computeSeriesTotals(s.impacts, windows, { asOf: s.asOf, maintenance: s.rule, measuredSince: null });
        windows.forEach((w, i) => {
          expect(series[i]).toEqual(run(s, w.from, w.to));
          // The lean series gives the same figures, bit for bit, without the detail.
          const { segments: _s, incidents: _i, ...figures } = series[i] as AvailabilityResult;
          expect(totals[i]).toEqual(figures);
        });
      }),
      { numRuns: 300 },
    );
  });
});
