import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetBurnDown } from "./burn-down";
import { buildTimeline, integrate, type Impact } from "./timeline";

const MIN = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2026, 3, 1);
const TO = Date.UTC(2026, 4, 1);
const impact = (id: string, start: number, end: number | null, fraction = 1, kind: Impact["kind"] = "unplanned"): Impact => ({ incidentId: id, kind, fraction, start, end, incidentStartedAt: start });
const timelineOf = (impacts: Impact[], asOf: number, rule: "count" | "exclude" = "count") => buildTimeline(impacts, { from: FROM, to: TO, asOf }, rule);

describe("budgetBurnDown", () => {
  it("April's worked example: 2,592 s of budget, outages of 37 and 15 minutes", () => {
    const t1 = FROM + 6 * DAY;
    const t2 = FROM + 20 * DAY;
    const asOf = TO + DAY;
    const points = budgetBurnDown(timelineOf([impact("a", t1, t1 + 37 * MIN), impact("b", t2, t2 + 15 * MIN)], asOf), { from: FROM, to: TO }, asOf, 2592);
    expect(points).toEqual([
      { at: FROM, remainingSeconds: 2592 },
      { at: t1, remainingSeconds: 2592 },
      { at: t1 + 37 * MIN, remainingSeconds: 2592 - 2220 },
      { at: t2, remainingSeconds: 2592 - 2220 },
      { at: t2 + 15 * MIN, remainingSeconds: 2592 - 3120 },
      { at: TO, remainingSeconds: 2592 - 3120 },
    ]);
  });

  it("stops at asOf, and maintenance under an excluding rule does not burn", () => {
    const asOf = FROM + 10 * DAY;
    const points = budgetBurnDown(timelineOf([impact("m", FROM + DAY, FROM + DAY + 120 * MIN, 1, "maintenance")], asOf, "exclude"), { from: FROM, to: TO }, asOf, 100);
    expect(points.at(-1)).toEqual({ at: asOf, remainingSeconds: 100 });
    expect(points.every((p) => p.remainingSeconds === 100)).toBe(true);
  });

  it("at every point, what remains is the budget less the counted downtime so far (property)", () => {
    const arb = fc.array(fc.record({ s: fc.integer({ min: 0, max: 29 * 1440 }), len: fc.integer({ min: 1, max: 3000 }), f: fc.constantFrom(0.1, 0.5, 1) }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 5, max: 60 }), (raw, maxPoints) => {
        const impacts = raw.map((r, i) => impact(`i${i}`, FROM + r.s * MIN, FROM + (r.s + r.len) * MIN, r.f));
        const asOf = TO;
        const tl = timelineOf(impacts, asOf);
        const points = budgetBurnDown(tl, { from: FROM, to: TO }, asOf, 5000, maxPoints);
        expect(points.length).toBeLessThanOrEqual(Math.max(maxPoints, 2));
        expect(points[0]?.at).toBe(FROM);
        expect(points.at(-1)?.at).toBe(TO);
        for (const p of points) expect(p.remainingSeconds).toBeCloseTo(5000 - integrate(tl, FROM, p.at).countedMs / 1000, 6);
        for (let i = 1; i < points.length; i++) expect((points[i] as { at: number }).at).toBeGreaterThan((points[i - 1] as { at: number }).at);
      }),
    );
  });
});
