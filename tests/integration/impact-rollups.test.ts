import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/incidents/[id]/route";
import * as series from "@/app/api/v1/services/[slug]/availability/series/route";
import { SeriesQuery } from "@/lib/schemas/availability";
import { rawSeriesOfServices, seriesOfServices } from "@/lib/server/availability";
import { prisma } from "@/lib/server/db";
import { rollUpAll } from "@/lib/server/impact-rollup-job";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { timeZoneForFile } from "../support/settings";

// Series read from rollups (docs/decisions/0029-impact-rollups.md) against the raw engine, through
// writes, edits and deletions, with and without the rollup job having run.

// A few services are read raw unless told otherwise (impact-rollup-read.ts): here, from rollups.
process.env.NINES_ROLLED_MIN_SERVICES = "0";
afterAll(() => {
  delete process.env.NINES_ROLLED_MIN_SERVICES;
});

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
// 45 minutes off the hour: every window's ends fall inside UTC hours.
timeZoneForFile("Asia/Kathmandu", () => tokens.admin);

const ASOF = "2026-06-20T12:00:00Z";
const QUERIES = [
  { bucket: "day", count: "40" },
  { bucket: "week", count: "10" },
  { bucket: "month", count: "3" },
].map((q) => SeriesQuery.parse({ ...q, asOf: ASOF }));

async function bothWays(slugs: string[]) {
  for (const q of QUERIES) {
    const rolled = await seriesOfServices(slugs, q);
    expect(rolled).toEqual(await rawSeriesOfServices(slugs, q));
  }
}

const idOf = async (slug: string) => (await prisma.service.findUniqueOrThrow({ where: { slug } })).id;
const marksOf = async (slug: string) => prisma.impactRollupMark.count({ where: { serviceId: await idOf(slug) } });

describe("series from rollups", () => {
  it("equal the raw engine's, before and after the job, through an edit and a deletion", async () => {
    const [a, b] = [await makeService(tokens.editor, tokens.admin), await makeService(tokens.editor, tokens.admin, { maintenance: "exclude", measuredSince: "2026-05-19T09:17:00Z" })] as [string, string];
    const logged = [
      await logIncident(tokens.editor, { startedAt: "2026-05-19T22:10:00Z", resolvedAt: "2026-05-21T03:05:30Z", impacts: [{ service: a, fraction: 0.5 }, { service: b }] }),
      await logIncident(tokens.editor, { startedAt: "2026-05-21T01:00:00Z", resolvedAt: "2026-05-21T01:40:00Z", impacts: [{ service: a }] }),
      await logIncident(tokens.editor, { kind: "maintenance", severity: "SEV5", startedAt: "2026-06-01T18:15:00Z", resolvedAt: "2026-06-02T02:00:00Z", impacts: [{ service: a, fraction: 0.25 }, { service: b, fraction: 0.75 }] }),
    ];
    for (const res of logged) expect(res.status, JSON.stringify(res.body)).toBe(201);
    // Not rolled up yet: the marks make both services read raw.
    expect(await marksOf(a)).toBeGreaterThan(0);
    await bothWays([a, b]);
    await rollUpAll();
    expect(await marksOf(a)).toBe(0);
    expect(await prisma.impactDay.count({ where: { serviceId: await idOf(a) } })).toBeGreaterThan(0);
    await bothWays([a, b]);
    // The month with the first incident really has its downtime: a 0.5 outage of 28 h 55.5 min and a full one of 40 min inside it.
    const res = await call(series.GET, { token: tokens.viewer, params: { slug: a }, path: `/x?bucket=month&count=3&asOf=${ASOF}` });
    expect(res.status).toBe(200);
    const may = (res.body as { entries: { label: string; downtimeSeconds: number }[] }).entries.find((e) => e.label === "month:2026-05");
    expect(may?.downtimeSeconds).toBe(0.5 * (28 * 3600 + 55.5 * 60) + 0.5 * 40 * 60);

    // An edit: the first incident ends a day earlier. Right at once (raw, by its mark), and after the job.
    const first = logged[0]?.body as { id: string };
    const edit = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id: first.id }, body: { version: 1, resolvedAt: "2026-05-20T02:00:00Z" } });
    expect(edit.status).toBe(200);
    await bothWays([a, b]);
    await rollUpAll();
    await bothWays([a, b]);

    // A deletion.
    const del = await call(item.DELETE, { method: "DELETE", token: tokens.editor, params: { id: (logged[2]?.body as { id: string }).id } });
    expect(del.status).toBeLessThan(300);
    await bothWays([a, b]);
    await rollUpAll();
    await bothWays([a, b]);
    expect(await marksOf(b)).toBe(0);
  });

  it("read a service with an ongoing incident raw, and roll it up once it is resolved", async () => {
    const c = await makeService(tokens.editor, tokens.admin);
    const open = await logIncident(tokens.editor, { startedAt: "2026-06-10T05:05:00Z", impacts: [{ service: c, fraction: 0.5 }] });
    expect(open.status).toBe(201);
    await rollUpAll();
    // Ongoing: nothing rolled up, the series still counts it to asOf.
    expect(await marksOf(c)).toBe(0);
    await bothWays([c]);
    const resolved = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id: (open.body as { id: string }).id }, body: { version: 1, status: "resolved", resolvedAt: "2026-06-12T00:00:00Z" } });
    expect(resolved.status).toBe(200);
    expect(await marksOf(c)).toBeGreaterThan(0);
    await rollUpAll();
    await bothWays([c]);
  });
});
