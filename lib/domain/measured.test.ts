import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAvailability, computeSeriesTotals, type Impact } from "./availability";
import { summarizeService } from "./error-budget";
import { measuredPart, measuredSinceFor } from "./measured";

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 3, 1);

const outage = (id: string, start: number, end: number): Impact => ({ incidentId: id, kind: "unplanned", fraction: 1, start, end, incidentStartedAt: start });

describe("measuredPart", () => {
  it("is the whole window when measuredSince is at or before its start, or null", () => {
    expect(measuredPart({ from: T0, to: T0 + D }, T0 + 2 * D, T0)).toEqual({ from: T0, to: T0 + D });
    expect(measuredPart({ from: T0, to: T0 + D }, T0 + 2 * D, null)).toEqual({ from: T0, to: T0 + D });
  });
  it("is the part after measuredSince for a window that straddles it", () => {
    expect(measuredPart({ from: T0, to: T0 + D }, T0 + 2 * D, T0 + 6 * H)).toEqual({ from: T0 + 6 * H, to: T0 + D });
  });
  it("is none for a window wholly before it, or while asOf has not reached it", () => {
    expect(measuredPart({ from: T0, to: T0 + D }, T0 + 2 * D, T0 + D)).toBeNull();
    expect(measuredPart({ from: T0, to: T0 + 2 * D }, T0 + 6 * H, T0 + 12 * H)).toBeNull();
  });
});

describe("availability before, across and after measuredSince", () => {
  const base = { impacts: [outage("old", T0 + 2 * H, T0 + 4 * H), outage("new", T0 + 30 * H, T0 + 31 * H)], asOf: T0 + 10 * D, maintenance: "count" as const };

  it("a window wholly before it is no data, never 100 %", () => {
    const r = computeAvailability({ ...base, from: T0, to: T0 + D, measuredSince: T0 + D });
    expect(r).toMatchObject({ measuredFrom: null, availability: null, unavailability: null, availabilityCounted: null, downtimeSeconds: 0, elapsedSeconds: 0, incidents: [], segments: [] });
  });

  it("a window that straddles it is computed over its measured part only", () => {
    const r = computeAvailability({ ...base, from: T0, to: T0 + 2 * D, measuredSince: T0 + D });
    expect(r.measuredFrom).toBe(T0 + D);
    expect(r.from).toBe(T0);
    expect(r.elapsedSeconds).toBe(D / 1000);
    expect(r.downtimeSeconds).toBe(3600); // the old outage is before it and does not count
    expect(r.availability).toBeCloseTo(1 - 3600 / 86_400, 12);
    expect(r.incidents.map((i) => i.incidentId)).toEqual(["new"]);
  });

  it("a window wholly after it is unchanged by it", () => {
    const whole = computeAvailability({ ...base, from: T0 + D, to: T0 + 2 * D, measuredSince: null });
    const after = computeAvailability({ ...base, from: T0 + D, to: T0 + 2 * D, measuredSince: T0 });
    expect(after).toEqual(whole);
  });

  it("a series marks each bucket before it as no data and no bucket as met", () => {
    const weeks = [0, 1, 2].map((k) => ({ from: T0 + k * 7 * D, to: T0 + (k + 1) * 7 * D }));
    const totals = computeSeriesTotals([], weeks, { asOf: T0 + 30 * D, maintenance: "count", measuredSince: T0 + 10 * D });
    expect(totals.map((t) => t.availability)).toEqual([null, 1, 1]);
    expect(totals.map((t) => t.measuredFrom)).toEqual([null, T0 + 10 * D, T0 + 14 * D]);
  });

  it("budget: the measured part's, with burn lookbacks cut at it", () => {
    const s = summarizeService({ impacts: [], target: 0.999, maintenance: "count", window: { from: T0, to: T0 + 30 * D }, asOf: T0 + 30 * D, measuredSince: T0 + 20 * D });
    expect(s.errorBudget?.budgetSeconds).toBeCloseTo(0.001 * 10 * 86_400, 9);
    const none = summarizeService({ impacts: [], target: 0.999, maintenance: "count", window: { from: T0, to: T0 + D }, asOf: T0 + 30 * D, measuredSince: T0 + 20 * D });
    expect(none.errorBudget).toBeNull();
    expect(none.availability.availability).toBeNull();
  });

  it("property: a window's figures are those of its measured part, or none", () => {
    const minutes = fc.integer({ min: 0, max: 20_000 });
    fc.assert(
      fc.property(minutes, minutes, minutes, fc.array(fc.tuple(minutes, fc.integer({ min: 1, max: 600 })), { maxLength: 6 }), (a, b, since, outs) => {
        const from = T0 + Math.min(a, b) * 60_000;
        const to = T0 + Math.max(a, b) * 60_000;
        const ms = T0 + since * 60_000;
        const impacts = outs.map(([s, len], i) => outage(`i${i}`, T0 + s * 60_000, T0 + (s + len) * 60_000));
        const asOf = T0 + 30 * D;
        const r = computeAvailability({ impacts, from, to, asOf, maintenance: "count", measuredSince: ms });
        // Wholly before measuredSince: no figure. An empty window at measuredSince itself is not
        // before it; it is an empty measured part, figured as any empty window is.
        if (to <= ms && from < ms) {
          expect(r.availability).toBeNull();
          return;
        }
        const part = computeAvailability({ impacts, from: Math.max(from, ms), to, asOf, maintenance: "count", measuredSince: null });
        expect(r.measuredFrom).toBe(Math.max(from, ms));
        expect(r.availability).toBe(part.availability);
        expect(r.downtimeSeconds).toBe(part.downtimeSeconds);
      }),
    );
  });
});

describe("measuredSinceFor", () => {
  it("moves back to the start of the incident's day in the organisation's zone", () => {
    const since = Date.UTC(2026, 11, 2, 4);
    expect(measuredSinceFor(Date.UTC(2026, 3, 3, 10), since, "UTC")).toBe(Date.UTC(2026, 3, 3));
    // 01:30 UTC on 3 April is still 2 April in New York (EDT, UTC-4).
    expect(measuredSinceFor(Date.UTC(2026, 3, 3, 1, 30), since, "America/New_York")).toBe(Date.UTC(2026, 3, 2, 4));
    expect(measuredSinceFor(since + 1, since, "UTC")).toBeNull();
  });
});
