// A probe's runs past the retention setting are kept as hours: a probe SLO's figures do not change
// when its old runs are deleted.
import { beforeAll, describe, expect, it } from "vitest";
import * as probes from "@/app/api/v1/services/[slug]/probes/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as settings from "@/app/api/v1/settings/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import * as sloSeries from "@/app/api/v1/slos/[id]/series/route";
import { prisma } from "@/lib/server/db";
import { pruneRuns } from "@/lib/server/probe-scheduler";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";
import { timeZoneForFile } from "../support/settings";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
timeZoneForFile("UTC", () => tokens.admin);

const HOUR = 3_600_000;
const MIN = 60_000;
const DAY = 86_400_000;

describe("probe runs kept as hours past their retention", () => {
  it("leave every occurrence SLO's figures and series as they were; slices and a threshold named later are unknown there", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const probe = (await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: "http://127.0.0.1:9/health", intervalSeconds: 60, enabled: false } })).body.id as string;
    const post = async (body: Record<string, unknown>) => {
      const res = await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body.id as string;
    };
    const success = await post({ name: "up", target: 0.9, sli: { source: "probe", probe, kind: "success" } });
    const fast = await post({ name: "fast", target: 0.5, sli: { source: "probe", probe, kind: "latency", thresholdMs: 300 } });
    const sliced = await post({ name: "sliced", target: 0.5, sli: { source: "probe", probe, kind: "success" }, budgeting: { method: "timeslices", slice: "5m", sliceTarget: 1 } });
    // Three hours of runs a minute apart, 40 days ago (every seventh failed, every fifth slow),
    // and one hour yesterday.
    const old = Math.floor((Date.now() - 40 * DAY) / HOUR) * HOUR;
    const recent = Math.floor((Date.now() - DAY) / HOUR) * HOUR;
    const minutes = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ probeId: probe, at: new Date(from + i * MIN), scheduledAt: new Date(from + i * MIN), ok: i % 7 !== 3, status: 200, latencyMs: i % 5 === 0 ? 700 : 90 }));
    await prisma.probeRun.createMany({ data: [...minutes(old, 180), ...minutes(recent, 60)] });

    const window = `range:${new Date(old - DAY).toISOString()}/${new Date(recent + 2 * HOUR).toISOString()}`;
    const asOf = new Date(recent + 2 * HOUR).toISOString();
    const figures = async (id: string) => (await call(sloAvailability.GET, { token: tokens.viewer, params: { id }, path: `/x?window=${window}&asOf=${asOf}` })).body;
    const series = async (id: string) => (await call(sloSeries.GET, { token: tokens.viewer, params: { id }, path: `/x?bucket=day&from=${new Date(old - DAY).toISOString().slice(0, 10)}T00:00:00Z&to=${new Date(recent + DAY).toISOString().slice(0, 10)}T00:00:00Z&asOf=${asOf}` })).body;
    const pick = (f: Record<string, unknown>) => ({ sli: f.sli, good: f.good, total: f.total, unknownSeconds: f.unknownSeconds, unknownSlices: f.unknownSlices, errorBudget: f.errorBudget });
    const before = { up: pick(await figures(success)), fast: pick(await figures(fast)), series: (await series(success)).entries, sliced: pick(await figures(sliced)) };
    // Counted by hand: run i failed when i % 7 = 3, and took 700 ms when i % 5 = 0.
    const failedOf = (n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 3).length;
    const slowOkOf = (n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 !== 3 && i % 5 === 0).length;
    expect(before.up).toMatchObject({ good: 240 - failedOf(180) - failedOf(60), total: 240 });
    expect(before.fast).toMatchObject({ good: 240 - failedOf(180) - failedOf(60) - slowOkOf(180) - slowOkOf(60), total: 240 });

    // Ten days of runs kept: the old ones become hours; every process may prune at once.
    const read = await call(settings.GET, { token: tokens.admin });
    const set = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { probeRetentionDays: 10, version: read.body.version } });
    try {
      await Promise.all([pruneRuns(), pruneRuns()]);
    } finally {
      await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { probeRetentionDays: read.body.probeRetentionDays, version: set.body.version } });
    }
    expect(await prisma.probeRun.count({ where: { probeId: probe, at: { lt: new Date(recent) } } })).toBe(0);
    const hours = await prisma.probeHour.findMany({ where: { probeId: probe }, orderBy: { start: "asc" } });
    // The three hours, and the 5 s the last run covers of the fourth.
    expect(hours.map((h) => [(h.start.getTime() - old) / HOUR, h.runs, h.failures, h.withinMs, h.withinRuns])).toEqual([
      [0, 60, failedOf(60), [300], [60 - failedOf(60) - slowOkOf(60)]],
      [1, 60, 8, [300], [60 - 8 - 10]],
      [2, 60, 9, [300], [60 - 9 - 11]],
      [3, 0, 0, [300], [0]],
    ]);

    // The same figures and series from the hours.
    expect(pick(await figures(success))).toEqual(before.up);
    expect(pick(await figures(fast))).toEqual(before.fast);
    expect((await series(success)).entries).toEqual(before.series);
    // Slices need each run's time: the old hours' 36 slices are unknown now.
    const slicedAfter = pick(await figures(sliced));
    expect(slicedAfter.unknownSlices).toBe((before.sliced.unknownSlices as number) + 36);
    expect(slicedAfter.total).toBe((before.sliced.total as number) - 36);
    // A threshold no SLO named when the hours were kept: only yesterday's runs count.
    const later = await post({ name: "later", target: 0.5, sli: { source: "probe", probe, kind: "latency", thresholdMs: 800 } });
    const l = pick(await figures(later));
    expect(l).toMatchObject({ good: 60 - failedOf(60), total: 60 });
    expect(l.unknownSeconds).toBe((before.up.unknownSeconds as number) + 3 * 3600 + 5);
  });
});
