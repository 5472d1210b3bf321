import { beforeAll, describe, expect, it } from "vitest";
import * as lane from "@/app/api/v1/services/[slug]/availability/incidents/route";
import * as series from "@/app/api/v1/services/[slug]/availability/series/route";
import { SeriesQuery } from "@/lib/schemas/availability";
import { parse } from "@/lib/server/http";
import { incidentLane, LANE_LIMIT } from "@/lib/server/incident-lane";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens} from "../support/fixtures";
import { timeZoneForFile } from "../support/settings";
import { logIncident, makeService } from "../support/incidents";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
// Every figure below is cut in UTC; the zone the file found is put back after it.
timeZoneForFile("UTC", () => tokens.admin);

const read = (slug: string, query: string) => call(lane.GET, { token: tokens.viewer, params: { slug }, path: `/x?${query}` });

describe("the incident lane beneath a service's trend", () => {
  it("covers the same range as the series, each incident with its interval on this service", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999 });
    const other = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999 });
    // Week 2026-W10 (Mar 2–9): a SEV1 outage; W11: maintenance whose impact here is narrower
    // than the incident; before the range: one the lane must leave out; another service: too.
    const a = await logIncident(tokens.editor, { severity: "SEV1", startedAt: "2026-03-03T10:00:00Z", resolvedAt: "2026-03-03T11:00:00Z", impacts: [{ service: slug }] });
    const b = await logIncident(tokens.editor, {
      kind: "maintenance", severity: "SEV5", startedAt: "2026-03-10T02:00:00Z", resolvedAt: "2026-03-10T06:00:00Z",
      impacts: [{ service: slug, startedAt: "2026-03-10T03:00:00Z", endedAt: "2026-03-10T04:00:00Z", fraction: 0.5 }],
    });
    await logIncident(tokens.editor, { startedAt: "2026-01-05T10:00:00Z", resolvedAt: "2026-01-05T11:00:00Z", impacts: [{ service: slug }] });
    await logIncident(tokens.editor, { startedAt: "2026-03-04T10:00:00Z", resolvedAt: "2026-03-04T11:00:00Z", impacts: [{ service: other }] });

    const query = "bucket=week&count=3&asOf=2026-03-20T00:00:00Z";
    const [res, trend] = await Promise.all([read(slug, query), call(series.GET, { token: tokens.viewer, params: { slug }, path: `/x?${query}` })]);
    expect(res.status).toBe(200);
    expect(res.body.from).toBe(trend.body.entries[0].from);
    expect(res.body.from).toBe("2026-03-02T00:00:00.000Z");
    expect(res.body.to).toBe("2026-03-20T00:00:00.000Z");
    expect(res.body.total).toBe(2);
    expect(res.body.incidents).toEqual([
      { reference: a.body.reference, title: a.body.title, severity: "SEV1", kind: "unplanned", start: "2026-03-03T10:00:00.000Z", end: "2026-03-03T11:00:00.000Z", fraction: 1 },
      { reference: b.body.reference, title: b.body.title, severity: "SEV5", kind: "maintenance", start: "2026-03-10T03:00:00.000Z", end: "2026-03-10T04:00:00.000Z", fraction: 0.5 },
    ]);
  });

  it("shows an incident resolved after asOf, or not resolved at all, as ongoing; one started after asOf not at all", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999 });
    await logIncident(tokens.editor, { startedAt: "2026-05-05T10:00:00Z", resolvedAt: "2026-05-05T12:00:00Z", impacts: [{ service: slug }] });
    await logIncident(tokens.editor, { startedAt: "2026-05-05T13:00:00Z", impacts: [{ service: slug }] });
    await logIncident(tokens.editor, { startedAt: "2026-05-06T10:00:00Z", resolvedAt: "2026-05-06T11:00:00Z", impacts: [{ service: slug }] });
    const res = await read(slug, "bucket=day&count=2&asOf=2026-05-05T11:00:00Z");
    expect(res.body.total).toBe(1);
    expect(res.body.incidents).toMatchObject([{ start: "2026-05-05T10:00:00.000Z", end: null }]);
    // The bucket holding asOf is the last: three days reach back to May 5.
    const later = await read(slug, "bucket=day&count=3&asOf=2026-05-07T00:00:00Z");
    expect(later.body.incidents.map((i: { end: string | null }) => i.end)).toEqual(["2026-05-05T12:00:00.000Z", null, "2026-05-06T11:00:00.000Z"]);
  });

  it("past its limit, draws the incidents the engine attributes the most downtime to, not the longest", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, maintenance: "exclude" });
    // A 6 h maintenance window (excluded: it costs nothing), an hour's outage, an incident inside
    // that outage at half its fraction (the outage's hour is attributed to the outage), and 10
    // minutes of a third. By length × fraction: window, outage, covered; by attribution: outage, short.
    const window = await logIncident(tokens.editor, { kind: "maintenance", severity: "SEV5", startedAt: "2026-04-07T00:00:00Z", resolvedAt: "2026-04-07T06:00:00Z", impacts: [{ service: slug }] });
    const outage = await logIncident(tokens.editor, { startedAt: "2026-04-08T10:00:00Z", resolvedAt: "2026-04-08T11:00:00Z", impacts: [{ service: slug }] });
    const covered = await logIncident(tokens.editor, { startedAt: "2026-04-08T10:05:00Z", resolvedAt: "2026-04-08T10:55:00Z", impacts: [{ service: slug, fraction: 0.5 }] });
    const short = await logIncident(tokens.editor, { startedAt: "2026-04-09T10:00:00Z", resolvedAt: "2026-04-09T10:10:00Z", impacts: [{ service: slug }] });
    const q = parse(SeriesQuery, { bucket: "week", count: "2", asOf: "2026-04-12T00:00:00Z" });
    const lane = await incidentLane(slug, q, 2);
    expect(lane.total).toBe(4);
    expect(lane.incidents.map((i) => i.reference)).toEqual([outage.body.reference, short.body.reference]);
    const all = await incidentLane(slug, q, 4);
    expect(all.incidents.map((i) => i.reference)).toEqual([window, outage, covered, short].map((r) => r.body.reference));
    // Counting maintenance, the window costs the most.
    const counted = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, maintenance: "count" });
    const again = await logIncident(tokens.editor, { kind: "maintenance", severity: "SEV5", startedAt: "2026-04-07T00:00:00Z", resolvedAt: "2026-04-07T06:00:00Z", impacts: [{ service: counted }] });
    await logIncident(tokens.editor, { startedAt: "2026-04-08T10:00:00Z", resolvedAt: "2026-04-08T11:00:00Z", impacts: [{ service: counted }] });
    expect((await incidentLane(counted, q, 1)).incidents.map((i) => i.reference)).toEqual([again.body.reference]);
  });

  it(`past ${LANE_LIMIT} through the API, draws ${LANE_LIMIT} and says how many there are`, async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99 });
    const base = Date.parse("2026-07-01T00:00:00Z");
    const n = LANE_LIMIT + 5;
    const start = (i: number) => new Date(base + i * 600_000).toISOString();
    // The last five last 5 minutes, the rest one: the five left out are the latest one-minute
    // ones (equal downtime: the earlier first, as the attribution list orders them), not the
    // long ones at the end of the range.
    for (let i = 0; i < n; i++) {
      const minutes = i >= n - 5 ? 5 : 1;
      await logIncident(tokens.editor, { startedAt: start(i), resolvedAt: new Date(base + i * 600_000 + minutes * 60_000).toISOString(), impacts: [{ service: slug }] });
    }
    const res = await read(slug, "bucket=week&count=2&asOf=2026-07-10T00:00:00Z");
    expect(res.body.total).toBe(n);
    expect(res.body.incidents).toHaveLength(LANE_LIMIT);
    const starts = res.body.incidents.map((i: { start: string }) => i.start);
    const kept = [...Array.from({ length: LANE_LIMIT - 5 }, (_, i) => i), ...[0, 1, 2, 3, 4].map((k) => n - 5 + k)];
    expect(starts).toEqual(kept.map(start));
    // 305 incidents logged one by one, as a person's API calls would: minutes while the build and
    // the browser tests share the CPUs.
  }, 300_000);

  it("answers a bad query with the field named, and an unknown service with 404", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, {});
    const bad = await read(slug, "bucket=year");
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ path: "bucket" });
    expect((await read("no-such-service", "bucket=week")).status).toBe(404);
  });
});
