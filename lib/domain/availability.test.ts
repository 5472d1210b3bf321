import { describe, expect, it } from "vitest";
import { computeAvailability, computeSeries, type Impact, type MaintenanceRule } from "./availability";
import { parseWindow, resolveWindow } from "./windows";

const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;
const WEEK_START = Date.UTC(2026, 3, 6); // Monday
const WEEK_END = WEEK_START + 7 * D;
const AFTER = Date.UTC(2027, 0, 1);

function impact(incidentId: string, start: number, end: number | null, fraction = 1, kind: Impact["kind"] = "unplanned", incidentStartedAt = start): Impact {
  return { incidentId, kind, fraction, start, end, incidentStartedAt };
}

function week(impacts: Impact[], maintenance: MaintenanceRule = "count", asOf = AFTER) {
  return computeAvailability({ impacts, from: WEEK_START, to: WEEK_END, asOf, maintenance, measuredSince: null });
}

function attributed(result: ReturnType<typeof computeAvailability>): Record<string, number> {
  return Object.fromEntries(result.incidents.map((i) => [i.incidentId, i.downtimeSeconds]));
}

describe("the worked examples of docs/domain.md", () => {
  it("April, outages of 37 and 15 minutes: 3,120 s of 2,592,000 s", () => {
    const april = resolveWindow(parseWindow("month:2026-04")!, { timeZone: "UTC", asOf: AFTER });
    const t1 = Date.UTC(2026, 3, 3, 10);
    const t2 = Date.UTC(2026, 3, 20, 14);
    const result = computeAvailability({
      impacts: [impact("a", t1, t1 + 37 * MIN), impact("b", t2, t2 + 15 * MIN)],
      from: april.from,
      to: april.to,
      asOf: AFTER,
      maintenance: "count",
      // The service is measured from 2026-04-01 (SPEC §5): the whole month counts.
      measuredSince: april.from,
    });
    expect(result.totalSeconds).toBe(2_592_000);
    expect(result.elapsedSeconds).toBe(2_592_000);
    expect(result.downtimeSeconds).toBe(3120);
    expect(result.availability).toBe(1 - 3120 / 2_592_000);
    expect(result.availability).toBeCloseTo(0.998796296296296, 12);
    expect(result.availability).toBeLessThan(0.999); // below three nines
    expect(result.incidents).toEqual([
      { incidentId: "a", kind: "unplanned", downtimeSeconds: 2220 },
      { incidentId: "b", kind: "unplanned", downtimeSeconds: 900 },
    ]);
  });

  it("weekly 2-hour maintenance, no failures: 166/168", () => {
    const maintenance = [impact("m", WEEK_START + 2 * H, WEEK_START + 4 * H, 1, "maintenance")];
    const counted = week(maintenance);
    expect(counted.downtimeSeconds).toBe(7200);
    expect(counted.maintenanceSeconds).toBe(7200);
    expect(counted.unplannedSeconds).toBe(0);
    expect(counted.availability).toBeCloseTo(166 / 168, 12);
    expect(counted.availability).toBeCloseTo(0.988095238095, 12);
    const excluded = week(maintenance, "exclude");
    expect(excluded.availability).toBe(1);
    expect(excluded.availabilityCounted).toBeCloseTo(166 / 168, 12);
    expect(excluded.countedSeconds).toBe(0);
    expect(excluded.incidents).toEqual([{ incidentId: "m", kind: "maintenance", downtimeSeconds: 0 }]);
  });

  it("one 12-hour outage in a 168-hour week", () => {
    const result = week([impact("overload", WEEK_START + D, WEEK_START + D + 12 * H)]);
    expect(result.availability).toBeCloseTo(156 / 168, 12);
    expect(result.availability).toBeCloseTo(0.928571428571, 12);
  });
});

describe("weighted union", () => {
  const t = WEEK_START + D;
  it.each<[string, Impact[], number]>([
    ["two overlapping full outages count once", [impact("a", t, t + 60 * MIN), impact("b", t + 30 * MIN, t + 90 * MIN)], 90 * 60],
    ["identical full outages count once", [impact("a", t, t + H), impact("b", t, t + H)], 3600],
    // 50 min at 0.5 plus 10 min at 1: 25 + 10 = 35 min
    ["a full outage inside a 0.5 partial is 1", [impact("p", t, t + 60 * MIN, 0.5), impact("f", t + 20 * MIN, t + 30 * MIN)], 35 * 60],
    // 40 min × 0.25 + 40 min × 0.5 + 20 min × 0.75 = 45 min
    [
      "nested partials take the largest",
      [impact("a", t, t + 100 * MIN, 0.25), impact("b", t + 20 * MIN, t + 80 * MIN, 0.5), impact("c", t + 40 * MIN, t + 60 * MIN, 0.75)],
      45 * 60,
    ],
    // 30 min × 0.25 + 30 min × 0.5 = 22.5 min
    ["adjacent partials", [impact("a", t, t + 30 * MIN, 0.25), impact("b", t + 30 * MIN, t + 60 * MIN, 0.5)], 22.5 * 60],
    // clipped: 1 h before the start is outside, 1 h inside; 30 min inside at the end
    [
      "incidents crossing the window edges are clipped",
      [impact("a", WEEK_START - H, WEEK_START + H), impact("b", WEEK_END - 30 * MIN, WEEK_END + 5 * H)],
      5400,
    ],
    ["an incident covering the whole window", [impact("a", WEEK_START - D, WEEK_END + D, 0.1)], 0.1 * 7 * 86_400],
    ["incidents wholly outside the window are ignored", [impact("a", WEEK_START - 2 * H, WEEK_START), impact("b", WEEK_END, WEEK_END + H)], 0],
    ["zero-length incidents contribute nothing", [impact("a", t, t), impact("b", t + H, t + H, 0.5)], 0],
    ["reversed bounds contribute nothing", [impact("a", t + H, t)], 0],
    ["fractions above 1 count as 1", [impact("a", t, t + H, 1.5)], 3600],
    ["non-positive fractions count as nothing", [impact("a", t, t + H, 0), impact("b", t, t + H, -1)], 0],
  ])("%s", (_, impacts, expectedSeconds) => {
    const result = week(impacts);
    expect(result.downtimeSeconds).toBeCloseTo(expectedSeconds, 9);
    expect(result.availability).toBeCloseTo(1 - expectedSeconds / (7 * 86_400), 12);
    const sum = result.incidents.reduce((s, i) => s + i.downtimeSeconds, 0);
    expect(sum).toBeCloseTo(expectedSeconds, 9);
  });

  it("does not list incidents with no time in the window", () => {
    const result = week([impact("a", t, t), impact("b", WEEK_END, WEEK_END + H), impact("c", t, t + H)]);
    expect(result.incidents.map((i) => i.incidentId)).toEqual(["c"]);
  });
});

describe("to-date windows and ongoing incidents", () => {
  const asOf = WEEK_START + 2 * D + 6 * H;

  it("measures a window reaching into the future to date", () => {
    const result = week([impact("a", WEEK_START + D, WEEK_START + D + H)], "count", asOf);
    expect(result.end).toBe(asOf);
    expect(result.totalSeconds).toBe(7 * 86_400);
    expect(result.elapsedSeconds).toBe(2 * 86_400 + 6 * 3600);
    expect(result.availability).toBeCloseTo(1 - 3600 / (2 * 86_400 + 6 * 3600), 12);
  });

  it("runs an ongoing incident to asOf", () => {
    const result = week([impact("a", asOf - 2 * H, null)], "count", asOf);
    expect(result.downtimeSeconds).toBe(7200);
    expect(result.segments).toEqual([
      { from: asOf - 2 * H, to: asOf, fraction: 1, unplanned: 1, maintenance: 0, counted: 1, incidentId: "a" },
    ]);
  });

  it("ignores incidents that start after asOf and cuts those that end after it", () => {
    const result = week([impact("future", asOf + H, asOf + 2 * H), impact("running", asOf - H, asOf + 5 * H)], "count", asOf);
    expect(result.downtimeSeconds).toBe(3600);
    expect(result.incidents.map((i) => i.incidentId)).toEqual(["running"]);
  });

  it("reports availability 1 when nothing has elapsed", () => {
    const result = week([impact("a", WEEK_START - H, null)], "count", WEEK_START - 1);
    expect(result.elapsedSeconds).toBe(0);
    expect(result.end).toBe(WEEK_START);
    expect(result.downtimeSeconds).toBe(0);
    expect(result.availability).toBe(1);
  });

  it("handles a DST week with its real length", () => {
    const w13 = resolveWindow(parseWindow("week:2026-W13")!, { timeZone: "Europe/Berlin", asOf: AFTER });
    const result = computeAvailability({
      impacts: [impact("a", w13.from + D, w13.from + D + 2 * H)],
      from: w13.from,
      to: w13.to,
      asOf: AFTER,
      measuredSince: null,
      maintenance: "count",
    });
    expect(result.elapsedSeconds).toBe(167 * 3600);
    expect(result.availability).toBeCloseTo(1 - 7200 / (167 * 3600), 12);
  });
});

describe("maintenance", () => {
  const t = WEEK_START + D;

  it("attributes overlap with unplanned to unplanned", () => {
    // maintenance 1.0 for 2 h, unplanned 0.5 for the middle hour: down 1 throughout.
    const result = week([impact("m", t, t + 2 * H, 1, "maintenance"), impact("u", t + 30 * MIN, t + 90 * MIN, 0.5)]);
    expect(result.downtimeSeconds).toBe(7200);
    expect(result.unplannedSeconds).toBe(1800); // 1 h × 0.5
    expect(result.maintenanceSeconds).toBe(5400); // the rest of the 7200
    expect(attributed(result)).toEqual({ m: 7200, u: 0 }); // the larger counted fraction wins
  });

  it("gives equal fractions to the unplanned incident even if maintenance started first", () => {
    const result = week([impact("m", t, t + 2 * H, 1, "maintenance"), impact("u", t + 30 * MIN, t + 90 * MIN, 1)]);
    expect(result.unplannedSeconds).toBe(3600);
    expect(result.maintenanceSeconds).toBe(3600);
    expect(attributed(result)).toEqual({ m: 3600, u: 3600 });
  });

  it("applies the exclude rule to both sides of the ratio", () => {
    const impacts = [impact("m", t, t + 2 * H, 1, "maintenance"), impact("u", t + 10 * H, t + 11 * H)];
    const result = week(impacts, "exclude");
    expect(result.rule).toBe("exclude");
    expect(result.unplannedSeconds).toBe(3600);
    expect(result.maintenanceSeconds).toBe(7200);
    expect(result.countedSeconds).toBe(3600);
    expect(result.availability).toBeCloseTo(1 - 3600 / (604_800 - 7200), 12);
    expect(result.availabilityCounted).toBeCloseTo(1 - 10_800 / 604_800, 12);
    expect(attributed(result)).toEqual({ u: 3600, m: 0 });
    expect(result.incidents.map((i) => i.incidentId)).toEqual(["u", "m"]);
  });

  it("under exclude counts only u(t) where a partial unplanned sits inside maintenance", () => {
    // maintenance 0.8 for 2 h; unplanned 0.5 for 1 h inside it: down 0.8 for 2 h, u 0.5 for 1 h.
    const result = week([impact("m", t, t + 2 * H, 0.8, "maintenance"), impact("u", t, t + H, 0.5)], "exclude");
    expect(result.downtimeSeconds).toBeCloseTo(0.8 * 7200, 9);
    expect(result.unplannedSeconds).toBe(1800);
    expect(result.maintenanceSeconds).toBeCloseTo(0.8 * 7200 - 1800, 9);
    expect(result.countedSeconds).toBe(1800);
    expect(result.availability).toBeCloseTo(1 - 1800 / (604_800 - (0.8 * 7200 - 1800)), 12);
    expect(attributed(result)).toEqual({ u: 1800, m: 0 });
  });

  it("treats a window that is all maintenance as fully available under exclude", () => {
    const result = week([impact("m", WEEK_START - H, WEEK_END + H, 1, "maintenance")], "exclude");
    expect(result.availability).toBe(1);
    expect(result.availabilityCounted).toBe(0);
  });
});

describe("attribution", () => {
  const t = WEEK_START + D;

  it("gives equal-fraction overlap to the earliest incident start", () => {
    const result = week([impact("a", t, t + 60 * MIN), impact("b", t + 30 * MIN, t + 90 * MIN)]);
    expect(result.incidents).toEqual([
      { incidentId: "a", kind: "unplanned", downtimeSeconds: 3600 },
      { incidentId: "b", kind: "unplanned", downtimeSeconds: 1800 },
    ]);
  });

  it("uses the incident's start, not the impact's, to break ties", () => {
    // Incident a began at t but reached this service at t+30m; b began (and hit) at t+10m.
    const result = week([impact("a", t + 30 * MIN, t + 60 * MIN, 1, "unplanned", t), impact("b", t + 10 * MIN, t + 60 * MIN)]);
    expect(attributed(result)).toEqual({ a: 1800, b: 1200 });
  });

  it("breaks a full tie by incident id", () => {
    const result = week([impact("b", t, t + H, 1, "unplanned", t), impact("a", t, t + H, 1, "unplanned", t)]);
    expect(attributed(result)).toEqual({ a: 3600, b: 0 });
    expect(result.incidents.map((i) => i.incidentId)).toEqual(["a", "b"]);
  });

  it("gives each second to the largest fraction", () => {
    // a 0.5 for [0, 60m), b 1.0 for [30m, 45m): a gets 45 min × 0.5, b 15 min × 1.
    const result = week([impact("a", t, t + 60 * MIN, 0.5), impact("b", t + 30 * MIN, t + 45 * MIN)]);
    expect(attributed(result)).toEqual({ a: 1350, b: 900 });
    expect(result.downtimeSeconds).toBe(2250);
  });

  it("shows merged segments a person can check by hand", () => {
    const result = week([
      impact("a", t, t + 30 * MIN, 0.5),
      impact("a", t + 30 * MIN, t + 60 * MIN, 0.5), // same incident, same state: merged
      impact("b", t + 60 * MIN, t + 90 * MIN, 0.5), // same fraction, other incident: separate
    ]);
    expect(result.segments).toEqual([
      { from: t, to: t + 60 * MIN, fraction: 0.5, unplanned: 0.5, maintenance: 0, counted: 0.5, incidentId: "a" },
      { from: t + 60 * MIN, to: t + 90 * MIN, fraction: 0.5, unplanned: 0.5, maintenance: 0, counted: 0.5, incidentId: "b" },
    ]);
    expect(result.incidents.map((i) => i.incidentId)).toEqual(["a", "b"]);
  });
});

describe("computeSeries", () => {
  it("slices each window from one sweep", () => {
    const day = (n: number) => ({ from: WEEK_START + n * D, to: WEEK_START + (n + 1) * D });
    const impacts = [impact("a", WEEK_START + D - H, WEEK_START + D + H), impact("b", WEEK_START + 3 * D, null)];
    const asOf = WEEK_START + 3 * D + 6 * H;
    const series = computeSeries(impacts, [day(0), day(1), day(2), day(3), day(4)], { asOf, maintenance: "count", measuredSince: null });
    expect(series.map((s) => s.downtimeSeconds)).toEqual([3600, 3600, 0, 6 * 3600, 0]);
    expect(series.map((s) => s.elapsedSeconds)).toEqual([86_400, 86_400, 86_400, 6 * 3600, 0]);
    expect(series[4]?.availability).toBe(1);
    expect(computeSeries(impacts, [], { asOf, maintenance: "count", measuredSince: null })).toEqual([]);
  });

  it("gives an empty window inside an incident no segments and no incidents", () => {
    const impacts = [impact("a", WEEK_START, null, 0.1)];
    const [empty] = computeSeries(impacts, [{ from: WEEK_START + H, to: WEEK_START + H }, { from: WEEK_START, to: WEEK_END }], {
      asOf: WEEK_START + 2 * H,
      maintenance: "count",
      measuredSince: null,
    });
    expect(empty).toMatchObject({ elapsedSeconds: 0, downtimeSeconds: 0, availability: 1, segments: [], incidents: [] });
  });

  it("rejects a window that ends before it starts", () => {
    expect(() => computeSeries([], [{ from: 2, to: 1 }], { asOf: 3, maintenance: "count", measuredSince: null })).toThrow(RangeError);
  });
});
