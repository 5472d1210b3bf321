import { beforeAll, describe, expect, it } from "vitest";
import * as all from "@/app/api/v1/availability/route";
import * as allSeries from "@/app/api/v1/availability/series/route";
import * as one from "@/app/api/v1/services/[slug]/availability/route";
import * as series from "@/app/api/v1/services/[slug]/availability/series/route";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as tiers from "@/app/api/v1/tiers/route";
import { call } from "../support/api";
import { freeTierRank, tokensForAllRoles, type Tokens} from "../support/fixtures";
import { timeZoneForFile, withSettings } from "../support/settings";
import { logIncident, makeService } from "../support/incidents";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
// Every figure below is cut in UTC; the zone the file found is put back after it.
timeZoneForFile("UTC", () => tokens.admin);

const availability = (slug: string, query: string) =>
  call(one.GET, { token: tokens.viewer, params: { slug }, path: `/api/v1/services/${slug}/availability?${query}` });

describe("the worked examples of docs/domain.md through the HTTP API", () => {
  it("1. April, outages of 37 and 15 minutes: 3,120 s of 2,592,000 s, 99.8796 %, below three nines", async () => {
    // Measured from the start of April (SPEC §5): the whole month is the record.
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, measuredSince: "2026-04-01T00:00:00Z" });
    await logIncident(tokens.editor, { startedAt: "2026-04-07T08:00:00Z", resolvedAt: "2026-04-07T08:37:00Z", impacts: [{ service: slug }] });
    await logIncident(tokens.editor, { startedAt: "2026-04-21T14:10:00Z", resolvedAt: "2026-04-21T14:25:00Z", impacts: [{ service: slug }] });
    const res = await availability(slug, "window=month:2026-04&asOf=2026-05-10T00:00:00Z");
    expect(res.status).toBe(200);
    expect(res.body.window).toMatchObject({ label: "month:2026-04", from: "2026-04-01T00:00:00.000Z", to: "2026-05-01T00:00:00.000Z", elapsedSeconds: 2_592_000 });
    expect(res.body.totalSeconds).toBe(2_592_000);
    expect(res.body.downtimeSeconds).toBe(3120);
    expect(res.body.availability).toBeCloseTo(0.998796296, 9);
    expect(res.body.availability).toBeLessThan(0.999);
    expect(res.body.errorBudget).toMatchObject({ budgetSeconds: 2592, consumedSeconds: 3120, remainingSeconds: -528, overspent: true });
    expect(res.body.incidents.map((i: { downtimeSeconds: number }) => i.downtimeSeconds)).toEqual([2220, 900]);
    expect(res.body.explanation.intervals).toHaveLength(2);
    expect(res.body.explanation.rule).toMatch(/counts as downtime/);
  });

  it("2. a weekly 2-hour maintenance window, no failures: 166 / 168 = 98.8095 %", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, maintenance: "count" });
    await logIncident(tokens.editor, {
      kind: "maintenance", severity: "SEV5", startedAt: "2026-03-31T02:00:00Z", resolvedAt: "2026-03-31T04:00:00Z", impacts: [{ service: slug }],
    });
    const res = await availability(slug, "window=week:2026-W14&asOf=2026-04-20T00:00:00Z");
    expect(res.body.totalSeconds).toBe(168 * 3600);
    expect(res.body.maintenanceSeconds).toBe(7200);
    expect(res.body.unplannedSeconds).toBe(0);
    expect(res.body.availability).toBeCloseTo(166 / 168, 12);
    expect(res.body.availability).toBeCloseTo(0.988095, 6);
  });

  it("2b. the same window under an SLO that excludes maintenance: 100 %, maintenance still reported", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, maintenance: "exclude" });
    await logIncident(tokens.editor, {
      kind: "maintenance", severity: "SEV5", startedAt: "2026-03-31T02:00:00Z", resolvedAt: "2026-03-31T04:00:00Z", impacts: [{ service: slug }],
    });
    const res = await availability(slug, "window=week:2026-W14&asOf=2026-04-20T00:00:00Z");
    expect(res.body.slo.maintenance).toBe("exclude");
    expect(res.body.maintenanceSeconds).toBe(7200);
    expect(res.body.availability).toBe(1);
    expect(res.body.availabilityMaintenanceCounted).toBeCloseTo(166 / 168, 12);
    expect(res.body.errorBudget.consumedSeconds).toBe(0);
    expect(res.body.explanation.rule).toMatch(/excluded/);
  });

  it("3. one 12-hour outage in a 168-hour week: 92.857 %", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    await logIncident(tokens.editor, { severity: "SEV1", startedAt: "2026-04-08T06:00:00Z", resolvedAt: "2026-04-08T18:00:00Z", impacts: [{ service: slug }] });
    const res = await availability(slug, "window=week:2026-W15&asOf=2026-05-01T00:00:00Z");
    expect(res.body.downtimeSeconds).toBe(12 * 3600);
    expect(res.body.availability).toBeCloseTo(0.92857, 5);
    expect(res.body.availability).toBeCloseTo(156 / 168, 12);
  });

  it("4. the nines: allowed downtime in a 30-day month", async () => {
    const table: [number, number][] = [[0.99, 432 * 60], [0.999, 43.2 * 60], [0.9999, 4.32 * 60], [0.99999, 25.92], [0.999999, 2.592]];
    for (const [target, seconds] of table) {
      const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: target });
      const res = await availability(slug, "window=month:2026-04&asOf=2026-05-01T00:00:00Z");
      expect(res.body.errorBudget.budgetSeconds).toBeCloseTo(seconds, 9);
    }
  });
});

describe("availability semantics over HTTP", () => {
  it("overlapping incidents never count twice; a full outage inside a partial counts once", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    await logIncident(tokens.editor, { startedAt: "2026-04-01T10:00:00Z", resolvedAt: "2026-04-01T12:00:00Z", impacts: [{ service: slug, fraction: 0.5 }] });
    await logIncident(tokens.editor, { startedAt: "2026-04-01T10:30:00Z", resolvedAt: "2026-04-01T11:00:00Z", impacts: [{ service: slug }] });
    await logIncident(tokens.editor, { startedAt: "2026-04-01T10:30:00Z", resolvedAt: "2026-04-01T11:00:00Z", impacts: [{ service: slug }] });
    const res = await availability(slug, "window=day:2026-04-01&asOf=2026-04-05T00:00:00Z");
    // 1.5 h at 0.5 plus 0.5 h at 1 = 2,700 + 1,800 seconds.
    expect(res.body.downtimeSeconds).toBe(4500);
    const shares = res.body.incidents.map((i: { downtimeSeconds: number }) => i.downtimeSeconds);
    expect(shares.reduce((a: number, b: number) => a + b, 0)).toBe(4500);
  });

  it("an ongoing incident runs to asOf; a window reaching into the future is measured to date", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    await logIncident(tokens.editor, { startedAt: "2026-04-10T00:00:00Z", impacts: [{ service: slug }] });
    const res = await availability(slug, "window=month:2026-04&asOf=2026-04-10T06:00:00Z");
    expect(res.body.window.elapsedSeconds).toBe(9 * 86400 + 6 * 3600);
    expect(res.body.downtimeSeconds).toBe(6 * 3600);
    expect(res.body.errorBudget.burnRates["1h"]).toBeCloseTo(1 / 0.001, 6);
  });

  it("cuts calendar windows in the organisation's zone, with a 167-hour DST week", async () => {
    await withSettings(tokens.admin, { timeZone: "Europe/Berlin" }, async () => {
      const slug = await makeService(tokens.editor, tokens.admin);
      const res = await availability(slug, "window=week:2026-W13&asOf=2026-05-01T00:00:00Z");
      expect(res.body.window.from).toBe("2026-03-22T23:00:00.000Z");
      expect(res.body.totalSeconds).toBe(167 * 3600);
      expect(res.body.timeZone).toBe("Europe/Berlin");
    });
  });

  it("defaults to the service's SLO window and gives series per bucket", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloWindow: "month" });
    await logIncident(tokens.editor, { startedAt: "2026-03-10T00:00:00Z", resolvedAt: "2026-03-10T01:00:00Z", impacts: [{ service: slug }] });
    const def = await availability(slug, "asOf=2026-03-15T00:00:00Z");
    expect(def.body.window.label).toBe("month:2026-03");
    const res = await call(series.GET, { token: tokens.viewer, params: { slug }, path: `/x?bucket=week&count=3&asOf=2026-03-20T00:00:00Z` });
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e: { label: string }) => e.label)).toEqual(["week:2026-W10", "week:2026-W11", "week:2026-W12"]);
    expect(res.body.entries.map((e: { downtimeSeconds: number }) => e.downtimeSeconds)).toEqual([0, 3600, 0]);
    const everyone = await call(allSeries.GET, { token: tokens.viewer, path: `/x?bucket=month&count=2&asOf=2026-03-20T00:00:00Z` });
    expect(everyone.body.series.find((s: { service: { slug: string } }) => s.service.slug === slug).entries[1].downtimeSeconds).toBe(3600);
  });

  it("summarises every service in one request, filterable by tier", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { ownTier: true });
    const res = await call(all.GET, { token: tokens.viewer, path: "/api/v1/availability?window=month:2026-04&asOf=2026-05-01T00:00:00Z" });
    expect(res.status).toBe(200);
    const mine = res.body.services.find((s: { service: { slug: string } }) => s.service.slug === slug);
    expect(mine).toMatchObject({ availability: 1, downtimeSeconds: 0 });
    const rank = mine.service.tier.rank;
    const byTier = await call(all.GET, { token: tokens.viewer, path: `/api/v1/availability?window=month:2026-04&tier=${rank}` });
    expect(byTier.body.services.map((s: { service: { slug: string } }) => s.service.slug)).toEqual([slug]);
  });

  it("answers a tier with no services yet with empty lists, not an error", async () => {
    const rank = await freeTierRank();
    const tier = await call(tiers.POST, { method: "POST", token: tokens.admin, body: { rank, name: `Empty ${rank}`, sloTarget: 0.99 } });
    expect(tier.status).toBe(201);
    const summary = await call(all.GET, { token: tokens.viewer, path: `/api/v1/availability?window=month:2026-04&tier=${rank}` });
    expect(summary).toMatchObject({ status: 200, body: { services: [] } });
    const series = await call(allSeries.GET, { token: tokens.viewer, path: `/x?bucket=week&count=4&tier=${rank}` });
    expect(series).toMatchObject({ status: 200, body: { series: [] } });
  });

  it("names each service's top three incidents in the all-services summary, or as many as asked", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    // Four outages of 10, 20, 30 and 40 minutes on one day in April.
    for (const minutes of [10, 20, 30, 40]) {
      const start = Date.UTC(2026, 3, 2, minutes);
      await logIncident(tokens.editor, {
        startedAt: new Date(start).toISOString(),
        resolvedAt: new Date(start + minutes * 60_000).toISOString(),
        impacts: [{ service: slug }],
      });
    }
    const mine = async (extra: string) => {
      const res = await call(all.GET, { token: tokens.viewer, path: `/api/v1/availability?window=month:2026-04&asOf=2026-05-01T00:00:00Z${extra}` });
      expect(res.status).toBe(200);
      return res.body.services.find((s: { service: { slug: string } }) => s.service.slug === slug);
    };
    const seconds = (entry: { incidents: { downtimeSeconds: number }[] }) => entry.incidents.map((i) => i.downtimeSeconds);
    const byDefault = await mine("");
    expect(seconds(byDefault)).toEqual([2400, 1800, 1200]);
    expect(byDefault.incidentCount).toBe(4);
    expect(byDefault.incidents[0]).toMatchObject({ reference: expect.stringMatching(/^INC-\d+$/), title: expect.any(String), kind: "unplanned" });
    expect(seconds(await mine("&incidents=10"))).toEqual([2400, 1800, 1200, 600]);
    expect(seconds(await mine("&incidents=0"))).toEqual([]);
    for (const bad of ["-1", "51", "two"]) {
      const res = await call(all.GET, { token: tokens.viewer, path: `/api/v1/availability?incidents=${bad}` });
      expect(res.status).toBe(400);
      expect(res.body.issues[0].path).toBe("incidents");
    }
  });

  it.each([
    ["window=month:2026-13", "window"],
    ["window=week:2026-W54", "window"],
    ["window=fortnight", "window"],
    ["asOf=yesterday", "asOf"],
  ])("rejects %s naming %s", async (query, field) => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const res = await availability(slug, query);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe(field);
  });

  it("answers 404 for an unknown service", async () => {
    expect((await availability("nobody-home", "window=month:2026-04")).status).toBe(404);
  });
});

describe("MTTD / MTTA / MTTR through the HTTP API follow every edit of an incident", () => {
  it("counts the milestones as last written, by PATCH and by timeline entry, for one service and for all", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const other = await makeService(tokens.editor, tokens.admin);
    // A: detected after 5 min, acknowledged 15 min later, resolved after 60 min.
    await logIncident(tokens.editor, {
      startedAt: "2026-06-01T10:00:00Z", detectedAt: "2026-06-01T10:05:00Z", acknowledgedAt: "2026-06-01T10:20:00Z",
      resolvedAt: "2026-06-01T11:00:00Z", impacts: [{ service: slug }],
    });
    // B, on both services: logged while ongoing, then corrected and worked through the timeline.
    const b = await logIncident(tokens.editor, { startedAt: "2026-06-02T12:00:00Z", detectedAt: "2026-06-02T12:02:00Z", impacts: [{ service: slug }, { service: other }] });
    const id = b.body.id as string;
    const patched = await call(incident.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { version: 1, detectedAt: "2026-06-02T12:10:00Z" } });
    expect(patched.status).toBe(200);
    for (const [type, at] of [["acknowledged", "2026-06-02T12:20:00Z"], ["resolved", "2026-06-02T13:30:00Z"]]) {
      const res = await call(events.POST, { method: "POST", token: tokens.editor, params: { id }, body: { type, message: type, at } });
      expect(res.status).toBe(201);
    }
    // MTTD: 5 and 10 min; MTTA: 15 and 10 min; MTTR: 60 and 90 min.
    const expected = {
      incidentCount: 2,
      mttd: { count: 2, excluded: 0, meanSeconds: 450, medianSeconds: 450 },
      mtta: { count: 2, excluded: 0, meanSeconds: 750, medianSeconds: 750 },
      mttr: { count: 2, excluded: 0, meanSeconds: 4500, medianSeconds: 4500 },
    };
    const query = "window=month:2026-06&asOf=2026-07-01T00:00:00Z";
    expect((await availability(slug, query)).body.metrics).toMatchObject(expected);
    const everyone = await call(all.GET, { token: tokens.viewer, path: `/api/v1/availability?${query}` });
    const entry = (s: string) => everyone.body.services.find((x: { service: { slug: string } }) => x.service.slug === s);
    expect(entry(slug).metrics).toMatchObject(expected);
    expect(entry(other).metrics).toMatchObject({
      incidentCount: 1,
      mttd: { count: 1, meanSeconds: 600 },
      mtta: { count: 1, meanSeconds: 600 },
      mttr: { count: 1, meanSeconds: 5400 },
    });
  });
});

describe("budget and burn states, the burn-down, the trend's ratios", () => {
  it("an outage running for 10 minutes at 99.9 % is a fast burn; the budget's state and burn-down come with it", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
    const asOf = "2026-06-15T12:10:00Z";
    await logIncident(tokens.editor, { startedAt: "2026-06-15T12:00:00Z", impacts: [{ service: slug }] });
    const res = await availability(slug, `asOf=${asOf}`);
    expect(res.body.errorBudget).toMatchObject({ state: "healthy", burnState: "fast_burn", burnRule: { long: "1h", short: "5m", threshold: 14.4 } });
    // 600 s of 2,592 s: 23 % burnt.
    expect(res.body.errorBudget.burnRates).toMatchObject({ "5m": 1000, "30m": 1000 / 3, "1h": 1000 / 6 });
    const points = res.body.burnDown as { at: string; remainingSeconds: number }[];
    expect(points[0]).toEqual({ at: "2026-06-01T00:00:00.000Z", remainingSeconds: 2592 });
    expect(points.at(-1)).toEqual({ at: "2026-06-15T12:10:00.000Z", remainingSeconds: 1992 });
    // The all-services list carries the states, not the burn-down.
    const fleet = await call(all.GET, { token: tokens.viewer, path: `/x?asOf=${asOf}` });
    const mine = fleet.body.services.find((s: { service: { slug: string } }) => s.service.slug === slug);
    expect(mine.errorBudget).toMatchObject({ state: "healthy", burnState: "fast_burn" });
    expect(mine.burnDown).toBeUndefined();
  });

  it("an hour after it ended the fast burn has cleared, and an overspent budget says so", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
    await logIncident(tokens.editor, { startedAt: "2026-06-15T10:00:00Z", resolvedAt: "2026-06-15T11:00:00Z", impacts: [{ service: slug }] });
    const res = await availability(slug, "asOf=2026-06-15T12:10:00Z");
    expect(res.body.errorBudget).toMatchObject({ state: "overspent", burnState: "slow_burn", burnRule: { long: "1d", short: "2h" } });
    const later = await availability(slug, "asOf=2026-06-18T12:00:00Z");
    expect(later.body.errorBudget.burnState).toBe("ok");
  });

  it("each bucket of a trend has its unavailability, exact, and whether it met the target", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99999 });
    // 6.048 s down in a 604,800 s week: 1e-5 exactly, at the target's edge.
    await logIncident(tokens.editor, { startedAt: "2026-06-02T10:00:00.000Z", resolvedAt: "2026-06-02T10:00:06.048Z", impacts: [{ service: slug }] });
    await logIncident(tokens.editor, { startedAt: "2026-06-09T10:00:00.000Z", resolvedAt: "2026-06-09T10:00:07.000Z", impacts: [{ service: slug }] });
    const res = await call(series.GET, { token: tokens.viewer, params: { slug }, path: "/x?bucket=week&from=2026-06-01T00:00:00Z&to=2026-06-22T00:00:00Z&asOf=2026-07-01T00:00:00Z" });
    const [w1, w2, w3] = res.body.entries;
    expect(w1).toMatchObject({ unavailability: 1e-5, metTarget: true });
    expect(w2.metTarget).toBe(false);
    expect(w2.unavailability).toBeCloseTo(7 / 604_800, 15);
    expect(w3).toMatchObject({ unavailability: 0, availability: 1, metTarget: true });
  });
});
