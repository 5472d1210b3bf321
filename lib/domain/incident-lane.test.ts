import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAvailability, type Impact } from "./availability";
import { mostCostlyIncidents } from "./incident-lane";

const MIN = 60_000;
const H = 60 * MIN;
const impact = (incidentId: string, start: number, end: number | null, fraction = 1, kind: Impact["kind"] = "unplanned"): Impact => ({ incidentId, kind, fraction, start, end, incidentStartedAt: start });
const day = { from: 0, to: 24 * H, asOf: 24 * H };

describe("the incidents the lane draws when it cannot draw them all", () => {
  it("ranks by attributed downtime: an incident another one fully covered costs nothing", () => {
    // Length × fraction would rank "covered" (30 min) above "short" (10 min); the engine gives
    // the hour to "outage", the worse of the two it overlaps, and "covered" no second.
    const impacts = [impact("outage", 10 * H, 11 * H), impact("covered", 10 * H + MIN, 11 * H, 0.5), impact("short", 12 * H, 12 * H + 10 * MIN)];
    expect(mostCostlyIncidents(impacts, day, "count", 2)).toEqual(["outage", "short"]);
    expect(mostCostlyIncidents(impacts, day, "count", 10)).toEqual(["outage", "short", "covered"]);
  });

  it("maintenance costs nothing under a rule that excludes it, and counts under one that counts it", () => {
    const impacts = [impact("window", 2 * H, 10 * H, 1, "maintenance"), impact("blip", 12 * H, 12 * H + MIN)];
    expect(mostCostlyIncidents(impacts, day, "exclude", 1)).toEqual(["blip"]);
    expect(mostCostlyIncidents(impacts, day, "count", 1)).toEqual(["window"]);
  });

  it("counts only what falls in the range, and an ongoing incident up to asOf", () => {
    // "long" lasted 10 h, but only one minute of it is in the range; "ongoing" runs to asOf.
    const impacts = [impact("long", -10 * H + MIN, MIN), impact("ongoing", 23 * H, null), impact("mid", 5 * H, 5 * H + 30 * MIN)];
    expect(mostCostlyIncidents(impacts, day, "count", 3)).toEqual(["ongoing", "mid", "long"]);
  });

  it("is always the head of the engine's attribution list, every incident once", () => {
    const arbitraryImpact = fc.record({
      who: fc.integer({ min: 0, max: 7 }),
      start: fc.integer({ min: -120, max: 1500 }),
      length: fc.integer({ min: 0, max: 600 }),
      ongoing: fc.boolean(),
      fraction: fc.constantFrom(0.1, 0.5, 1),
      maintenance: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryImpact, { maxLength: 12 }), fc.integer({ min: 0, max: 10 }), fc.constantFrom("count" as const, "exclude" as const), (raws, limit, rule) => {
        // One impact per incident on a service, as the database keeps them.
        const byIncident = new Map(raws.map((r) => [`i${r.who}`, impact(`i${r.who}`, r.start * MIN, r.ongoing ? null : (r.start + r.length) * MIN, r.fraction, r.maintenance ? "maintenance" : "unplanned")]));
        const impacts = [...byIncident.values()];
        const chosen = mostCostlyIncidents(impacts, day, rule, limit);
        const attribution = computeAvailability({ impacts, ...day, maintenance: rule, measuredSince: null }).incidents.map((i) => i.incidentId);
        expect(new Set(chosen).size).toBe(chosen.length);
        expect(chosen.length).toBeLessThanOrEqual(limit);
        const head = Math.min(chosen.length, attribution.length);
        expect(chosen.slice(0, head)).toEqual(attribution.slice(0, head));
        if (limit >= impacts.length) expect(new Set(chosen)).toEqual(new Set(impacts.map((i) => i.incidentId)));
      }),
    );
  });
});
