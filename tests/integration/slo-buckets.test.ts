// Old minutes of event-counted SLOs are merged into hours: fewer rows, the same figures.
import { beforeAll, describe, expect, it } from "vitest";
import * as datasources from "@/app/api/v1/datasources/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import { prisma } from "@/lib/server/db";
import { compactBuckets } from "@/lib/server/slo-ingest";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("compacting measured buckets", () => {
  it("merges an event SLO's minutes older than a week into exact hours, and leaves slice SLOs' minutes and recent ones alone", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    // A server that is away: the SLOs are created, and their buckets are written here by hand.
    const ds = (await call(datasources.POST, { method: "POST", token: tokens.admin, body: { name: unique("away"), type: "prometheus", url: "http://127.0.0.1:1" } })).body;
    const post = async (body: Record<string, unknown>) => (await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body })).body.id as string;
    const events = await post({ name: "events", target: 0.99, window: "rolling:30d", sli: { source: "prometheus", datasource: ds.id, kind: "ratio", good: "sum(rate(ok[$window]))", total: "sum(rate(all[$window]))" } });
    const slices = await post({ name: "slices", target: 0.9, window: "rolling:30d", sli: { source: "prometheus", datasource: ds.id, kind: "threshold", query: "p99", op: "lt", threshold: 0.5 } });
    const now = Date.UTC(2026, 10, 20, 12, 30);
    const oldHour = Date.UTC(2026, 10, 10, 8);
    const minutes = (sloId: string, from: number, n: number, good: (i: number) => number, total: number) =>
      Array.from({ length: n }, (_, i) => ({ sloId, start: new Date(from + i * MINUTE), seconds: 60, good: good(i), total }));
    await prisma.sloBucket.createMany({
      data: [
        ...minutes(events, oldHour, 120, (i) => 100 - (i % 7), 100), // two old hours
        ...minutes(events, now - 30 * MINUTE, 20, () => 99, 100), // recent minutes
        ...minutes(slices, oldHour, 120, (i) => (i % 10 === 0 ? 0 : 1), 1),
      ],
    });
    const range = `/x?window=range:${new Date(oldHour - HOUR).toISOString()}/${new Date(now).toISOString()}&asOf=${new Date(now).toISOString()}`;
    const before = await Promise.all([events, slices].map(async (id) => (await call(sloAvailability.GET, { token: tokens.viewer, params: { id }, path: range })).body));

    await compactBuckets(now);
    const rows = await prisma.sloBucket.findMany({ where: { sloId: events }, orderBy: { start: "asc" } });
    expect(rows.filter((r) => r.seconds === 3600).map((r) => [r.start.toISOString(), r.total])).toEqual([[new Date(oldHour).toISOString(), 6000], [new Date(oldHour + HOUR).toISOString(), 6000]]);
    expect(rows.filter((r) => r.seconds === 60)).toHaveLength(20);
    expect(await prisma.sloBucket.count({ where: { sloId: slices } })).toBe(120);

    const after = await Promise.all([events, slices].map(async (id) => (await call(sloAvailability.GET, { token: tokens.viewer, params: { id }, path: range })).body));
    expect(after[0]).toMatchObject({ good: before[0].good, total: before[0].total, sli: before[0].sli });
    expect(after[0].errorBudget).toEqual(before[0].errorBudget);
    expect(after[1]).toEqual(before[1]);
    // Merging again changes nothing.
    await compactBuckets(now);
    expect(await prisma.sloBucket.count({ where: { sloId: events } })).toBe(22);
  });
});
