import { describe, expect, it } from "vitest";
import type { Impact } from "./availability";
import { attributedSeconds, incidentCost } from "./incident-cost";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 10, 10);
const NOV = { label: "month:2026-11", from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) };
const impact = (incidentId: string, start: number, end: number | null, fraction = 1, kind: Impact["kind"] = "unplanned"): Impact => ({ incidentId, kind, fraction, start, end, incidentStartedAt: start });

describe("incidentCost", () => {
  it("a 37-minute full outage at 99.9 % in a 30-day month: 2,220 s, 85.6 % of the 2,592 s budget", () => {
    const cost = incidentCost({ impacts: [impact("a", T0, T0 + 37 * MIN)], incidentId: "a", span: { from: T0, to: T0 + 37 * MIN }, sloWindow: NOV, target: 0.999, maintenance: "count", asOf: Date.UTC(2026, 10, 20) });
    expect(cost).toMatchObject({ downtimeSeconds: 2220, windowSeconds: 2220, budgetSeconds: 2592 });
    expect(cost.budgetShare).toBeCloseTo(2220 / 2592, 12);
  });

  it("overlapping incidents: each second goes to the larger fraction, never twice", () => {
    // b (a quarter of requests failing) runs 60 min; a (full) 20 min inside it.
    const impacts = [impact("b", T0, T0 + 60 * MIN, 0.25), impact("a", T0 + 10 * MIN, T0 + 30 * MIN)];
    const asOf = Date.UTC(2026, 10, 20);
    const a = incidentCost({ impacts, incidentId: "a", span: { from: T0 + 10 * MIN, to: T0 + 30 * MIN }, sloWindow: NOV, target: 0.999, maintenance: "count", asOf });
    const b = incidentCost({ impacts, incidentId: "b", span: { from: T0, to: T0 + 60 * MIN }, sloWindow: NOV, target: 0.999, maintenance: "count", asOf });
    expect(a.downtimeSeconds).toBe(20 * 60);
    expect(b.downtimeSeconds).toBe(0.25 * 40 * 60);
    expect(a.downtimeSeconds + b.downtimeSeconds).toBe(1200 + 600);
  });

  it("an ongoing incident costs until asOf; maintenance under an excluding SLO costs nothing", () => {
    const asOf = T0 + 15 * MIN;
    const ongoing = incidentCost({ impacts: [impact("a", T0, null, 0.5)], incidentId: "a", span: { from: T0, to: asOf }, sloWindow: NOV, target: 0.99, maintenance: "count", asOf });
    expect(ongoing.downtimeSeconds).toBe(450);
    const planned = incidentCost({ impacts: [impact("m", T0, T0 + 120 * MIN, 1, "maintenance")], incidentId: "m", span: { from: T0, to: T0 + 120 * MIN }, sloWindow: NOV, target: 0.99, maintenance: "exclude", asOf: Date.UTC(2026, 10, 20) });
    expect(planned).toMatchObject({ downtimeSeconds: 0, budgetShare: 0 });
  });

  it("an incident that crosses into the window: the share counts only its part inside", () => {
    const start = Date.UTC(2026, 9, 31, 23, 30);
    const cost = incidentCost({ impacts: [impact("a", start, start + 60 * MIN)], incidentId: "a", span: { from: start, to: start + 60 * MIN }, sloWindow: NOV, target: 0.999, maintenance: "count", asOf: Date.UTC(2026, 10, 20) });
    expect(cost).toMatchObject({ downtimeSeconds: 3600, windowSeconds: 1800 });
  });
});

describe("attributedSeconds", () => {
  it("over a range, every incident active in it, by id", () => {
    const impacts = [impact("a", T0, T0 + 10 * MIN), impact("b", T0 + 60 * MIN, T0 + 65 * MIN, 0.5)];
    expect(Object.fromEntries(attributedSeconds(impacts, T0, T0 + 120 * MIN, T0 + 200 * MIN, "count"))).toEqual({ a: 600, b: 150 });
    expect(attributedSeconds(impacts, T0, T0, T0, "count").size).toBe(0);
  });
});
