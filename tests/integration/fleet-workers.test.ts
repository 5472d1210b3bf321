import { beforeAll, describe, expect, it, vi } from "vitest";
import * as all from "@/app/api/v1/availability/route";
import * as one from "@/app/api/v1/services/[slug]/availability/route";
import { AvailabilityListQuery, SeriesQuery } from "@/lib/schemas/availability";
import { allAvailabilityJson, allSeriesJson, fleetParts, rawSeriesJson } from "@/lib/server/availability-fleet";
import { rollUpAll } from "@/lib/server/impact-rollup-job";
import { prisma } from "@/lib/server/db";
import { fleetWorkers } from "@/lib/server/fleet-workers";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens} from "../support/fixtures";
import { timeZoneForFile } from "../support/settings";
import { logIncident, makeService } from "../support/incidents";

// Two workers whatever the machine's cores, so that the fleet is cut in three parts. Set before
// anything in this file starts the process's workers.
process.env.NINES_FLEET_WORKERS = "2";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
// Every figure below is cut in this zone; the zone the file found is put back after it.
timeZoneForFile("Europe/Berlin", () => tokens.admin);

/** Five services with shared incidents, partial and full, maintenance, one still open. */
async function makeFleet(): Promise<string[]> {
  const slugs: string[] = [];
  for (let i = 0; i < 5; i++) slugs.push(await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99 + i / 1000, maintenance: i % 2 ? "exclude" : "count" }));
  await logIncident(tokens.editor, {
    startedAt: "2026-05-03T10:00:00Z", detectedAt: "2026-05-03T10:04:00Z", acknowledgedAt: "2026-05-03T10:09:00Z", resolvedAt: "2026-05-03T11:30:00Z",
    impacts: slugs.slice(0, 3).map((service, i) => ({ service, fraction: 1 / (i + 1) })),
  });
  await logIncident(tokens.editor, {
    kind: "maintenance", severity: "SEV5", startedAt: "2026-05-10T01:00:00Z", resolvedAt: "2026-05-10T03:00:00Z",
    impacts: slugs.slice(2).map((service) => ({ service })),
  });
  await logIncident(tokens.editor, { title: "Still going", startedAt: "2026-05-20T08:00:00Z", impacts: [{ service: slugs[4] as string, fraction: 0.3 }] });
  return slugs;
}

describe("the all-services summary and series computed in parts on worker threads", () => {
  it("is the same summary response, service for service and in the same order, as computed on one thread", async () => {
    const slugs = await makeFleet();
    expect(await fleetWorkers().settled()).toBe(2);

    for (const query of [{ window: "month:2026-05" }, { window: "rolling:30d" }, {}]) {
      const q = AvailabilityListQuery.parse({ ...query, asOf: "2026-05-25T12:00:00Z", incidents: "5" });
      const onOne = await allAvailabilityJson(q, { splitMinServices: Number.POSITIVE_INFINITY });
      const inParts = await allAvailabilityJson(q, { splitMinServices: 0 });
      expect(JSON.parse(inParts)).toEqual(JSON.parse(onOne));
      const mine = JSON.parse(inParts).services.filter((s: { service: { slug: string } }) => slugs.includes(s.service.slug));
      expect(mine).toHaveLength(5);
      expect(mine.find((s: { service: { slug: string } }) => s.service.slug === slugs[4]).incidents[0]).toMatchObject({ title: "Still going" });
    }
  });

  it("is the same series response as computed on one thread", async () => {
    const slugs = await makeFleet();
    expect(await fleetWorkers().settled()).toBe(2);
    for (const query of [{ bucket: "week", count: "8" }, { bucket: "day", from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }]) {
      const q = SeriesQuery.parse({ ...query, asOf: "2026-05-25T12:00:00Z" });
      const onOne = await rawSeriesJson(q, { splitMinServices: Number.POSITIVE_INFINITY });
      const inParts = await rawSeriesJson(q, { splitMinServices: 0 });
      expect(JSON.parse(inParts)).toEqual(JSON.parse(onOne));
      const mine = JSON.parse(inParts).series.filter((s: { service: { slug: string } }) => slugs.includes(s.service.slug));
      // And from rollups, once the job has run: the same figures.
      await rollUpAll();
      const rolled = JSON.parse(await allSeriesJson(q)).series.filter((s: { service: { slug: string } }) => slugs.includes(s.service.slug));
      expect(rolled).toEqual(mine);
      expect(mine).toHaveLength(5);
      // The open incident on the last service shows as downtime in some bucket.
      const last = mine.find((s: { service: { slug: string } }) => s.service.slug === slugs[4]);
      expect(last.entries.some((e: { downtimeSeconds: number }) => e.downtimeSeconds > 0)).toBe(true);
    }
  });
});

describe("fleetParts", () => {
  it.each([
    [1000, 0],
    [1000, 1],
    [1000, 3],
    [7, 2],
    [1, 3],
    [0, 2],
  ])("cuts %i services for %i workers into contiguous parts covering each once", (n, workers) => {
    const parts = fleetParts(n, workers);
    expect(parts).toHaveLength(workers + 1);
    const covered = parts.flatMap((p) => Array.from({ length: p.to - p.from }, (_, i) => p.from + i));
    expect(covered).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});

describe("a service whose figures cannot be computed", () => {
  it("is listed with an error entry while every other service answers, on one thread and in parts", async () => {
    const [ok, bad] = [await makeService(tokens.editor, tokens.admin), await makeService(tokens.editor, tokens.admin)];
    await logIncident(tokens.editor, { startedAt: "2026-05-03T10:00:00Z", resolvedAt: "2026-05-03T11:00:00Z", impacts: [{ service: ok as string }, { service: bad as string }] });
    // Written past the API, which refuses it: the engine cannot compute a target above 1.
    await prisma.slo.updateMany({ where: { service: { slug: bad }, name: "availability" }, data: { target: 1.5 } });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await call(all.GET, { token: tokens.viewer, path: "/x?window=month:2026-05&asOf=2026-05-25T00:00:00Z" });
      expect(res.status).toBe(200);
      const find = (body: { services: { service: { slug: string } }[] }, slug: string) => body.services.find((s) => s.service.slug === slug);
      expect(find(res.body, ok as string)).toMatchObject({ downtimeSeconds: 3600 });
      expect(find(res.body, bad as string)).toMatchObject({ error: { code: "computation_failed" } });
      const q = AvailabilityListQuery.parse({ window: "month:2026-05", asOf: "2026-05-25T00:00:00Z" });
      const inParts = JSON.parse(await allAvailabilityJson(q, { splitMinServices: 0 }));
      expect(find(inParts, bad as string)).toMatchObject({ error: { code: "computation_failed" } });
      expect(find(inParts, ok as string)).toMatchObject({ downtimeSeconds: 3600 });
      const seriesQ = SeriesQuery.parse({ bucket: "week", count: "4", asOf: "2026-05-25T00:00:00Z" });
      for (const body of [await rawSeriesJson(seriesQ, { splitMinServices: 0 }), await allSeriesJson(seriesQ)]) {
        expect(JSON.parse(body).series.find((s: { service: { slug: string } }) => s.service.slug === bad)).toMatchObject({ error: { code: "computation_failed" } });
      }
      // The single service's own endpoint answers for it alone: a logged 500 with a reference.
      const mine = await call(one.GET, { token: tokens.viewer, params: { slug: bad as string } });
      expect(mine.status).toBe(500);
      expect(mine.body.message).toMatch(/reference/);
    } finally {
      log.mockRestore();
      await prisma.service.update({ where: { slug: bad }, data: { archivedAt: new Date() } });
    }
  });
});
