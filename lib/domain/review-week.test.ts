import { describe, expect, it } from "vitest";
import { recentWeeks, reviewChanges, reviewInstants, reviewWeekWindow, topIncidentsByBudget, weekOf, weekSpend } from "./review-week";

const inc = (over: Partial<{ id: string; reference: string; title: string; severity: string; kind: string; services: string[]; startedAt: string; resolvedAt: string | null }> = {}) => ({
  id: "i1", reference: "INC-412", title: "Checkout errors", severity: "SEV2", kind: "unplanned", services: ["checkout"], startedAt: "2026-11-24T10:00:00.000Z", resolvedAt: "2026-11-24T10:42:00.000Z", ...over,
});
const at = (iso: string) => iso.slice(11, 16);
const pct = (r: number) => `${(r * 100).toFixed(3)} %`;

describe("review weeks", () => {
  it("cuts ISO weeks in the organisation's zone", () => {
    const berlin = reviewWeekWindow("2026-W48", "Europe/Berlin");
    expect(berlin && new Date(berlin.from).toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(berlin && new Date(berlin.to).toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(reviewWeekWindow("2026-W54", "UTC")).toBeNull();
    expect(reviewWeekWindow("next", "UTC")).toBeNull();
    // Sunday 23:30 UTC is already Monday in Berlin: the next ISO week there.
    expect(weekOf(Date.UTC(2026, 10, 29, 23, 30), "UTC")).toBe("2026-W48");
    expect(weekOf(Date.UTC(2026, 10, 29, 23, 30), "Europe/Berlin")).toBe("2026-W49");
    expect(recentWeeks(Date.UTC(2027, 0, 6), 3, "UTC")).toEqual(["2027-W01", "2026-W53", "2026-W52"]);
  });

  it("takes the SLO window at the week's end, or now while the week runs", () => {
    const w = reviewWeekWindow("2026-W48", "UTC");
    if (!w) throw new Error("no week");
    expect(reviewInstants(w, w.to + 5_000)).toEqual({ asOf: w.to + 5_000, sloAsOf: w.to });
    expect(reviewInstants(w, w.from + 5_000)).toEqual({ asOf: w.from + 5_000, sloAsOf: w.from + 5_000 });
  });
});

describe("reviewChanges", () => {
  const service = { slug: "checkout", weekAvailability: 0.9958, weekDowntimeSeconds: 2520, budgetRemainingRatio: 0.4 };
  it("is empty when nothing changed", () => {
    expect(reviewChanges({ incidents: [inc()], services: [service] }, { incidents: [inc()], services: [{ ...service }] }, at, pct)).toEqual([]);
  });

  it("says what changed, in words", () => {
    const changes = reviewChanges(
      { incidents: [inc(), inc({ id: "i2", reference: "INC-413" })], services: [service] },
      { incidents: [inc({ resolvedAt: "2026-11-24T11:05:00.000Z", severity: "SEV1" }), inc({ id: "i3", reference: "INC-420" })], services: [{ ...service, weekAvailability: 0.9948 }] },
      at,
      pct,
    );
    expect(changes.map((c) => c.message)).toEqual([
      "INC-412's end was corrected (was 10:42, now 11:05)",
      "INC-412's severity changed from SEV2 to SEV1",
      "INC-413 was deleted or no longer falls in this week",
      "INC-420 was logged for this week after the review",
      "checkout: the week's availability was 99.580 %, is now 99.480 %",
    ]);
  });
});

describe("topIncidentsByBudget", () => {
  it("ranks by the largest budget share, then downtime, across services", () => {
    const top = topIncidentsByBudget([
      [{ id: "a", downtimeSeconds: 60, budgetShare: 0.1 }, { id: "b", downtimeSeconds: 600, budgetShare: 0.05 }],
      [{ id: "a", downtimeSeconds: 120, budgetShare: 0.3 }, { id: "c", downtimeSeconds: 10, budgetShare: 0.05 }],
    ], 2);
    expect(top.map((t) => [t.id, t.budgetShare, t.totalDowntimeSeconds, t.services])).toEqual([["a", 0.3, 180, 2], ["b", 0.05, 600, 1]]);
  });
});

describe("weekSpend", () => {
  it("is the week's counted downtime over the window's budget", () => {
    expect(weekSpend(1800, 2592)).toEqual({ seconds: 1800, shareOfBudget: 1800 / 2592 });
    expect(weekSpend(60, 0)).toBeNull();
  });
});
