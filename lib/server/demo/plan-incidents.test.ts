import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY, MINUTE } from "./context";
import { ONGOING, SCENARIOS } from "./data/incidents";
import { planIncidents } from "./plan-incidents";
import { demoRandom } from "./random";

const NOW = Date.UTC(2026, 10, 25, 12, 0);

describe("planIncidents", () => {
  it("gives the same history for the same seed and instant, and another for another seed", () => {
    const a = planIncidents(NOW, demoRandom(7));
    expect(planIncidents(NOW, demoRandom(7))).toEqual(a);
    expect(planIncidents(NOW, demoRandom(8)).map((p) => p.occurrence.started)).not.toEqual(a.map((p) => p.occurrence.started));
  });

  it("for any instant and seed: every occurrence of every scenario once, in order, within six months, each timeline in order and over before now", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), fc.integer(), (raw, seed) => {
        const now = Math.floor(raw / MINUTE) * MINUTE;
        const plan = planIncidents(now, demoRandom(seed));
        expect(plan).toHaveLength(SCENARIOS.reduce((n, s) => n + s.daysAgo.length, 0) + 1);
        const past = plan.slice(0, -1);
        expect(past.map((p) => p.occurrence.started)).toEqual([...past.map((p) => p.occurrence.started)].sort((x, y) => x - y));
        for (const { scenario, occurrence: o } of past) {
          expect(o.started).toBeGreaterThanOrEqual(now - 183 * DAY);
          expect(o.resolved).not.toBeNull();
          const resolved = o.resolved as number;
          expect(resolved, scenario.key).toBeLessThan(now);
          expect(o.detected).toBeGreaterThanOrEqual(o.started);
          expect(o.detected).toBeLessThanOrEqual(resolved);
          const times = o.entries.map((e) => e.at);
          expect(times).toEqual([...times].sort((x, y) => x - y));
          expect(times[0]).toBeGreaterThanOrEqual(o.detected);
          expect(o.entries.at(-1)).toMatchObject({ type: "resolved", at: resolved });
          // Impacts that start late still start inside the incident.
          for (const impact of scenario.impacts) expect(o.started + (impact.after ?? 0) * MINUTE).toBeLessThan(resolved);
        }
        const last = plan.at(-1);
        expect(last?.scenario).toBe(ONGOING);
        expect(last?.occurrence).toMatchObject({ resolved: null, started: now - ONGOING.startedMinutesAgo * MINUTE });
        expect(last?.occurrence.entries.every((e) => e.at < now)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
