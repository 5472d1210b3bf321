// Old minutes of measured SLOs are merged into hours (events summed, slices judged once), and old hours into days: fewer rows, the same figures.
import { beforeAll, describe, expect, it } from "vitest";
import * as datasources from "@/app/api/v1/datasources/route";
import * as item from "@/app/api/v1/datasources/[id]/route";
import * as sloItem from "@/app/api/v1/slos/[id]/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import * as sloReconcile from "@/app/api/v1/slos/[id]/reconcile/route";
import { prisma } from "@/lib/server/db";
import { compactBuckets } from "@/lib/server/slo-compaction";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";
import { timeZoneForFile } from "../support/settings";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
// Old hours become days of this zone; the zone the file found is put back after it.
timeZoneForFile("Europe/Berlin", () => tokens.admin);

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("compacting measured buckets", () => {
  it("merges old minutes into hours (events summed, slices counted) and old hours into the zone's days, exactly; recent minutes stay", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    // A server that is away: the SLOs are created, and their buckets are written here by hand.
    const ds = (await call(datasources.POST, { method: "POST", token: tokens.admin, body: { name: unique("away"), type: "prometheus", url: "http://127.0.0.1:1" } })).body;
    const post = async (body: Record<string, unknown>) => (await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body })).body.id as string;
    const events = await post({ name: "events", target: 0.99, window: "rolling:30d", sli: { source: "prometheus", datasource: ds.id, kind: "ratio", good: "sum(rate(ok[$window]))", total: "sum(rate(all[$window]))" } });
    // Written by hand: the SLOs count as read (compaction leaves an SLO alone until its first reading is whole).
    const slices = await post({ name: "slices", target: 0.9, window: "rolling:30d", sli: { source: "prometheus", datasource: ds.id, kind: "threshold", query: "p99", op: "lt", threshold: 0.5 } });
    // Five-minute slices, good when four of their five minutes are.
    const fives = await post({ name: "fives", target: 0.9, window: "rolling:30d", budgeting: { method: "timeslices", slice: "5m", sliceTarget: 0.8 }, sli: { source: "prometheus", datasource: ds.id, kind: "threshold", query: "p99", op: "lt", threshold: 0.5 } });
    const now = Date.UTC(2026, 10, 20, 12, 30);
    await prisma.slo.updateMany({ where: { id: { in: [events, slices, fives] } }, data: { ingestedTo: new Date(now) } });
    const oldHour = Date.UTC(2026, 10, 10, 8);
    const minutes = (sloId: string, from: number, n: number, good: (i: number) => number, total: number) =>
      Array.from({ length: n }, (_, i) => ({ sloId, start: new Date(from + i * MINUTE), seconds: 60, good: good(i), total }));
    await prisma.sloBucket.createMany({
      data: [
        ...minutes(events, oldHour, 120, (i) => 100 - (i % 7), 100), // two old hours
        ...minutes(events, now - 30 * MINUTE, 20, () => 99, 100), // recent minutes
        // 24 hours of 2026-10-11 in UTC, 40 days back: in Berlin (UTC+2 then) 22 of them fall on the 11th, 2 on the 12th.
        ...Array.from({ length: 24 }, (_, i) => ({ sloId: events, start: new Date(Date.UTC(2026, 9, 11, i)), seconds: 3600, good: 5000 + i, total: 6000 })),
        ...minutes(slices, oldHour, 120, (i) => (i % 10 === 0 ? 0 : 1), 1),
        ...minutes(slices, now - 30 * MINUTE, 20, () => 1, 1),
        // Each quarter hour: 00–05 all good; 05–10 four of five (good); 10–15 two of the four measured (bad).
        ...minutes(fives, oldHour, 60, (i) => ([6, 10, 11].includes(i % 15) ? 0 : 1), 1).filter((_, i) => i % 15 !== 13),
        // A month back, hours of slices already counted: they become the zone's days like events.
        ...Array.from({ length: 24 }, (_, i) => ({ sloId: slices, start: new Date(Date.UTC(2026, 9, 11, i)), seconds: 3600, good: 50 + (i % 10), total: 60 })),
      ],
    });
    const range = `/x?window=range:${new Date(Date.UTC(2026, 9, 10, 22)).toISOString()}/${new Date(now).toISOString()}&asOf=${new Date(now).toISOString()}`;
    const before = await Promise.all([events, slices, fives].map(async (id) => (await call(sloAvailability.GET, { token: tokens.viewer, params: { id }, path: range })).body));
    // From November: the October hours above were written as hours, with no minutes to say where they read nothing.
    const november = `/x?window=range:${new Date(Date.UTC(2026, 10, 1)).toISOString()}/${new Date(now).toISOString()}&asOf=${new Date(now).toISOString()}`;
    const reconciled = () => Promise.all([events, slices, fives].map(async (id) => (await call(sloReconcile.GET, { token: tokens.viewer, params: { id }, path: november })).body.measured));
    const seenBefore = await reconciled();
    // The minutes that missed 99 % (i % 7 ≥ 2: five of every seven) are bad time before the merge.
    expect(seenBefore[0].badSeconds).toBe([...Array(120).keys()].filter((i) => i % 7 >= 2).length * 60);

    // Every process runs the scheduler: two compactions at once merge each bucket once.
    await Promise.all([compactBuckets(now), compactBuckets(now)]);
    const rows = await prisma.sloBucket.findMany({ where: { sloId: events }, orderBy: { start: "asc" } });
    expect(rows.filter((r) => r.seconds === 3600).map((r) => [r.start.toISOString(), r.total])).toEqual([[new Date(oldHour).toISOString(), 6000], [new Date(oldHour + HOUR).toISOString(), 6000]]);
    expect(rows.filter((r) => r.seconds === 60)).toHaveLength(20);
    const sum = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => 5000 + from + k).reduce((a, b) => a + b, 0);
    expect(rows.filter((r) => r.seconds === 86_400).map((r) => [r.start.toISOString(), r.good, r.total])).toEqual([
      ["2026-10-10T22:00:00.000Z", sum(0, 22), 22 * 6000],
      ["2026-10-11T22:00:00.000Z", sum(22, 24), 2 * 6000],
    ]);
    // One-minute slices: each hour holds its good minutes of its measured minutes.
    const sliceRows = await prisma.sloBucket.findMany({ where: { sloId: slices }, orderBy: { start: "asc" } });
    expect(sliceRows.filter((r) => r.seconds >= 3600).map((r) => [r.start.toISOString(), r.seconds, r.good, r.total])).toEqual([
      ["2026-10-10T22:00:00.000Z", 86_400, 22 * 50 + 45 + 45 + 0 + 1, 22 * 60],
      ["2026-10-11T22:00:00.000Z", 86_400, 50 + 2 + 50 + 3, 2 * 60],
      [new Date(oldHour).toISOString(), 3600, 54, 60],
      [new Date(oldHour + HOUR).toISOString(), 3600, 54, 60],
    ]);
    expect(sliceRows.filter((r) => r.seconds === 60)).toHaveLength(20);
    // Five-minute slices: the hour's twelve slices judged once, two good in each quarter hour.
    expect((await prisma.sloBucket.findMany({ where: { sloId: fives } })).map((r) => [r.start.toISOString(), r.seconds, r.good, r.total])).toEqual([[new Date(oldHour).toISOString(), 3600, 8, 12]]);

    const after = await Promise.all([events, slices, fives].map(async (id) => (await call(sloAvailability.GET, { token: tokens.viewer, params: { id }, path: range })).body));
    // Merged buckets keep the time they measured: the unknown time is the same too.
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]).toEqual(before[2]);
    // Logged against measured says the same of merged hours: where they saw bad, where they read nothing.
    expect(await reconciled()).toEqual(seenBefore);
    // Its four missing minutes, and the days after its hour that nothing was read in.
    expect(await prisma.sloSpan.count({ where: { sloId: fives, kind: "gap" } })).toBe(5);
    expect(before[2]).toMatchObject({ good: 8, total: 12 });
    // Merging again changes nothing.
    await compactBuckets(now);
    expect(await prisma.sloBucket.count({ where: { sloId: events } })).toBe(24);
  });

  it("never merges past what ingestion has read: Prometheus away for days leaves the minutes near it to be read again", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const ds = (await call(datasources.POST, { method: "POST", token: tokens.admin, body: { name: unique("away"), type: "prometheus", url: "http://127.0.0.1:1" } })).body;
    const made = await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { name: "behind", target: 0.99, sli: { source: "prometheus", datasource: ds.id, kind: "ratio", good: "sum(rate(ok[$window]))", total: "sum(rate(all[$window]))" } } });
    const now = Date.UTC(2026, 10, 20, 12, 30);
    // Read up to three days ago, 10:00; its last two hours of minutes are there.
    const readTo = now - 3 * 86_400_000 - 150 * MINUTE;
    await prisma.slo.update({ where: { id: made.body.id }, data: { ingestedTo: new Date(readTo) } });
    await prisma.sloBucket.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ sloId: made.body.id, start: new Date(readTo - (120 - i) * MINUTE), seconds: 60, good: 99, total: 100 })) });
    await compactBuckets(now);
    const rows = await prisma.sloBucket.findMany({ where: { sloId: made.body.id }, orderBy: { start: "asc" } });
    // The whole hour before the last five minutes read is merged; the hour they fall in stays minutes.
    expect(rows.filter((r) => r.seconds === 3600).map((r) => [r.start.toISOString(), r.total])).toEqual([[new Date(readTo - 120 * MINUTE).toISOString(), 6000]]);
    expect(rows.filter((r) => r.seconds === 60)).toHaveLength(60);
  });

  it("a datasource: a new URL needs its credential again; it is deleted once no live SLO reads from it", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const made = (await call(datasources.POST, { method: "POST", token: tokens.admin, body: { name: unique("away"), type: "prometheus", url: "http://127.0.0.1:1", bearerToken: "t0ken" } })).body;
    const moved = await call(item.PATCH, { method: "PATCH", token: tokens.admin, params: { id: made.id }, body: { url: "http://127.0.0.1:2", version: made.version } });
    expect(moved.status).toBe(400);
    expect(moved.body.issues).toEqual([{ path: "url", message: expect.stringContaining("Give the credentials again") }]);
    const slo = (await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { name: "reads", target: 0.99, sli: { source: "prometheus", datasource: made.id, kind: "ratio", good: "sum(rate(ok[$window]))", total: "sum(rate(all[$window]))" } } })).body;
    expect((await call(item.DELETE, { method: "DELETE", token: tokens.admin, params: { id: made.id } })).status).toBe(409);
    await call(sloItem.DELETE, { method: "DELETE", token: tokens.editor, params: { id: slo.id } });
    expect((await call(item.DELETE, { method: "DELETE", token: tokens.admin, params: { id: made.id } })).status).toBe(200);
    // The archived SLO keeps what it stored, and still reads.
    expect((await call(sloItem.GET, { token: tokens.viewer, params: { id: slo.id } })).body).toMatchObject({ name: "reads", archived: true });
  });
});
