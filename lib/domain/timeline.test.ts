import { describe, expect, it } from "vitest";
import { buildTimeline, clipImpacts, firstSegmentEndingAfter, type Impact, integrate } from "./timeline";

const MIN = 60_000;

function impact(incidentId: string, start: number, end: number | null, fraction: number, kind: Impact["kind"] = "unplanned"): Impact {
  return { incidentId, kind, fraction, start, end, incidentStartedAt: start };
}

describe("timeline", () => {
  const impacts = [
    impact("m", 0, 60 * MIN, 0.5, "maintenance"),
    impact("u", 30 * MIN, 90 * MIN, 0.25),
    impact("live", 120 * MIN, null, 1),
  ];

  it("splits into constant states and runs ongoing impacts to asOf", () => {
    const timeline = buildTimeline(impacts, { from: 0, to: 300 * MIN, asOf: 150 * MIN }, "count");
    expect(timeline.to).toBe(150 * MIN);
    expect(timeline.segments).toEqual([
      { from: 0, to: 30 * MIN, fraction: 0.5, unplanned: 0, maintenance: 0.5, counted: 0.5, incidentId: "m" },
      // u 0.25 under m 0.5: down stays 0.5 (same leader) but maintenance now explains only 0.25
      { from: 30 * MIN, to: 60 * MIN, fraction: 0.5, unplanned: 0.25, maintenance: 0.25, counted: 0.5, incidentId: "m" },
      { from: 60 * MIN, to: 90 * MIN, fraction: 0.25, unplanned: 0.25, maintenance: 0, counted: 0.25, incidentId: "u" },
      { from: 120 * MIN, to: 150 * MIN, fraction: 1, unplanned: 1, maintenance: 0, counted: 1, incidentId: "live" },
    ]);
  });

  it("counts only unplanned under exclude", () => {
    const timeline = buildTimeline(impacts, { from: 0, to: 100 * MIN, asOf: 150 * MIN }, "exclude");
    // 30 min × 0.25 (30–60) + 30 min × 0.25 (60–90)
    expect(integrate(timeline, 0, 100 * MIN).countedMs).toBe(15 * MIN);
    expect(integrate(timeline, 0, 100 * MIN).downMs).toBe(30 * MIN * 0.5 + 30 * MIN * 0.5 + 30 * MIN * 0.25);
    expect(timeline.segments[0]?.incidentId).toBeNull();
  });

  it("integrates any sub-range and nothing over an empty one", () => {
    const timeline = buildTimeline(impacts, { from: 0, to: 300 * MIN, asOf: 150 * MIN }, "count");
    expect(integrate(timeline, 45 * MIN, 75 * MIN).downMs).toBe(15 * MIN * 0.5 + 15 * MIN * 0.25);
    expect(integrate(timeline, 45 * MIN, 45 * MIN)).toEqual({ downMs: 0, unplannedMs: 0, maintenanceMs: 0, countedMs: 0 });
    expect(firstSegmentEndingAfter(timeline.segments, 60 * MIN)).toBe(2);
  });

  it("clips to the range and drops empty impacts", () => {
    expect(clipImpacts([impact("a", -10, 10, 1), impact("b", 5, 5, 1), impact("c", 50, null, 2)], 0, 100, 40)).toEqual([
      { incidentId: "a", kind: "unplanned", fraction: 1, start: 0, end: 10, incidentStartedAt: -10 },
    ]);
  });
});
