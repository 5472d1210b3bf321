// A probe's closed hours are kept (ProbeDay) and every reader reads them where they answer: its SLO
// figures, series, uptime and both reconcile views read the same from the hours as from the runs,
// and keep reading it once the runs are deleted. Runs and hours each go after their own retention.
import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as probeItem from "@/app/api/v1/probes/[id]/route";
import * as probes from "@/app/api/v1/services/[slug]/probes/route";
import * as reconcile from "@/app/api/v1/services/[slug]/reconcile/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as settings from "@/app/api/v1/settings/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import * as sloReconcile from "@/app/api/v1/slos/[id]/reconcile/route";
import * as sloSeries from "@/app/api/v1/slos/[id]/series/route";
import { prisma } from "@/lib/server/db";
import { pruneRuns, runClaimed } from "@/lib/server/probe-scheduler";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";
import { timeZoneForFile, withSettings } from "../support/settings";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
timeZoneForFile("UTC", () => tokens.admin);

const HOUR = 3_600_000;
const MIN = 60_000;
const DAY = 86_400_000;

async function probeWithSlos() {
  const slug = await makeService(tokens.editor, tokens.admin);
  const probe = (await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: "http://127.0.0.1:9/health", intervalSeconds: 60, enabled: false } })).body.id as string;
  const post = async (body: Record<string, unknown>) => {
    const res = await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as string;
  };
  return { slug, probe, post };
}

describe("a probe's history kept as hours", () => {
  it("every reader reads the same from the hours as from the runs, and keeps it once the runs are gone", async () => {
    const { slug, probe, post } = await probeWithSlos();
    const success = await post({ name: "up", target: 0.9, sli: { source: "probe", probe, kind: "success" } });
    const fast = await post({ name: "fast", target: 0.5, sli: { source: "probe", probe, kind: "latency", thresholdMs: 300 } });
    const sliced = await post({ name: "sliced", target: 0.5, sli: { source: "probe", probe, kind: "success" }, budgeting: { method: "timeslices", slice: "5m", sliceTarget: 1 } });
    // Three hours of runs a minute apart 40 days ago, and three hours ending two hours ago (every
    // seventh failed, every fifth slow).
    const old = Math.floor((Date.now() - 40 * DAY) / HOUR) * HOUR;
    const recent = Math.floor((Date.now() - 5 * HOUR) / HOUR) * HOUR;
    const minutes = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ probeId: probe, at: new Date(from + i * MIN), scheduledAt: new Date(from + i * MIN), ok: i % 7 !== 3, status: 200, latencyMs: i % 5 === 0 ? 700 : 90 }));
    await prisma.probeRun.createMany({ data: [...minutes(old, 180), ...minutes(recent + 7 * MIN, 173)] });

    const window = `range:${new Date(old - DAY).toISOString()}/${new Date(recent + 4 * HOUR).toISOString()}`;
    const q = `/x?window=${window}&asOf=${new Date(recent + 4 * HOUR).toISOString()}`;
    const figures = async (id: string) => (await call(sloAvailability.GET, { token: tokens.viewer, params: { id }, path: q })).body;
    const series = async (id: string) => (await call(sloSeries.GET, { token: tokens.viewer, params: { id }, path: `/x?bucket=day&from=${new Date(old - DAY).toISOString().slice(0, 10)}T00:00:00Z&to=${new Date(recent + DAY).toISOString().slice(0, 10)}T00:00:00Z&asOf=${new Date(recent + 4 * HOUR).toISOString()}` })).body.entries;
    const pick = (f: Record<string, unknown>) => ({ sli: f.sli, good: f.good, total: f.total, unknownSeconds: f.unknownSeconds, unknownSlices: f.unknownSlices, errorBudget: f.errorBudget, burnRates: f.burnRates });
    const seen = async () => {
      const uptime = (await call(probeItem.GET, { token: tokens.viewer, params: { id: probe } })).body.last24h;
      return {
        up: pick(await figures(success)),
        fast: pick(await figures(fast)),
        sliced: pick(await figures(sliced)),
        series: await series(success),
        reconcile: (await call(reconcile.GET, { token: tokens.viewer, params: { slug }, path: q })).body,
        measured: [(await call(sloReconcile.GET, { token: tokens.viewer, params: { id: success }, path: q })).body, (await call(sloReconcile.GET, { token: tokens.viewer, params: { id: fast }, path: q })).body],
        // Its last 24 hours end now: the time nothing ran grows meanwhile, up and down do not.
        uptime: { up: uptime.upSeconds, down: uptime.downSeconds },
      };
    };
    const before = await seen();
    const failedOf = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from).filter((i) => i % 7 === 3).length;
    const slowOkOf = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from).filter((i) => i % 7 !== 3 && i % 5 === 0).length;
    expect(before.up).toMatchObject({ good: 353 - failedOf(180) - failedOf(173), total: 353 });
    expect(before.fast).toMatchObject({ good: 353 - failedOf(180) - failedOf(173) - slowOkOf(180) - slowOkOf(173), total: 353 });
    expect(before.reconcile.probe.downSeconds).toBe((failedOf(180) + failedOf(173)) * 60);
    expect(before.uptime.down).toBe(failedOf(173) * 60);

    // Ten days of runs kept; every process may keep hours and prune at once.
    await withSettings(tokens.admin, { probeRetentionDays: 10 }, () => Promise.all([pruneRuns(), pruneRuns()]));
    expect(await prisma.probeRun.count({ where: { probeId: probe, at: { lt: new Date(recent) } } })).toBe(0);
    expect(await prisma.probeRun.count({ where: { probeId: probe, at: { gte: new Date(recent) } } })).toBe(173);
    const rolled = await prisma.probe.findUniqueOrThrow({ where: { id: probe }, select: { rolledTo: true } });
    expect(rolled.rolledTo?.getTime()).toBeGreaterThanOrEqual(recent + 3 * HOUR);
    const days = await prisma.probeDay.findMany({ where: { probeId: probe }, orderBy: { day: "asc" } });
    expect(days[0]?.runs.slice(new Date(old).getUTCHours(), new Date(old).getUTCHours() + 3)).toEqual([60, 60, 60]);
    expect(days.reduce((s, d) => s + d.runs.reduce((a, b) => a + b, 0), 0)).toBe(353);

    // The same figures, series, reconcile views and uptime from the hours; time slices need each
    // run's time, so the old hours' 36 slices are unknown now.
    const after = await seen();
    expect({ ...after, sliced: null }).toEqual({ ...before, sliced: null });
    expect(after.sliced.unknownSlices).toBe((before.sliced.unknownSlices as number) + 36);
    expect(after.sliced.total).toBe((before.sliced.total as number) - 36);

    // A threshold no SLO named when the hours were kept: the recent hours from their runs, the old
    // ones unknown; the next pass keeps the recent hours with it, and nothing changes.
    const later = await post({ name: "later", target: 0.5, sli: { source: "probe", probe, kind: "latency", thresholdMs: 800 } });
    const l = pick(await figures(later));
    expect(l).toMatchObject({ good: 173 - failedOf(173), total: 173 });
    // (The hour after them no run started in: none to count for any threshold, its 5 s covered as they were.)
    expect(l.unknownSeconds).toBe((before.up.unknownSeconds as number) + 3 * 3600);
    await pruneRuns();
    expect((await prisma.probeDay.findMany({ where: { probeId: probe }, orderBy: { day: "desc" }, take: 1 }))[0]?.withinMs).toEqual([300, 800]);
    expect(pick(await figures(later))).toEqual(l);

    // Hours kept 30 days: the old ones go, and what they said with them.
    await withSettings(tokens.admin, { probeHourRetentionDays: 30 }, pruneRuns);
    expect(await prisma.probeDay.count({ where: { probeId: probe, day: { lt: new Date(recent - DAY) } } })).toBe(0);
    expect(pick(await figures(success))).toMatchObject({ good: 173 - failedOf(173), total: 173 });
  });

  it("a run written after its hour was kept sends the probe back to that hour", async () => {
    const { slug, probe } = await probeWithSlos();
    const ahead = new Date(Math.floor(Date.now() / HOUR) * HOUR + HOUR);
    await prisma.probe.update({ where: { id: probe }, data: { rolledTo: ahead } });
    const row = await prisma.probe.findUniqueOrThrow({ where: { id: probe }, select: { createdById: true } });
    await runClaimed({ id: probe, scheduled: new Date(), url: "http://127.0.0.1:9/health", method: "GET", timeoutSeconds: 2, expectedStatus: "200-299", expectText: null, failuresToOpen: 99, allowPrivate: false, createdById: row.createdById, serviceSlug: slug, serviceName: slug });
    const [run] = await prisma.probeRun.findMany({ where: { probeId: probe } });
    const { rolledTo } = await prisma.probe.findUniqueOrThrow({ where: { id: probe }, select: { rolledTo: true } });
    expect(rolledTo?.getTime()).toBe(Math.floor((run?.at.getTime() ?? 0) / HOUR) * HOUR);
  });
});

describe("probe retention settings", () => {
  it("keep runs 3 days and hours 400 by default; hours at least as long as runs, errors by field; audited", async () => {
    const read = (await call(settings.GET, { token: tokens.viewer })).body;
    expect([read.probeRetentionDays, read.probeHourRetentionDays]).toEqual([3, 400]);
    const patch = (body: Record<string, unknown>) => call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { ...body, version: read.version } });
    const issue = async (body: Record<string, unknown>) => (await patch(body)).body.issues[0];
    expect(await issue({ probeHourRetentionDays: 0 })).toEqual({ path: "probeHourRetentionDays", message: "Must be at least 1 day" });
    expect(await issue({ probeHourRetentionDays: 4000 })).toEqual({ path: "probeHourRetentionDays", message: "Must be at most 3660 days" });
    expect(await issue({ probeHourRetentionDays: 2.5 })).toEqual({ path: "probeHourRetentionDays", message: "Must be whole days" });
    expect(await issue({ probeRetentionDays: 10, probeHourRetentionDays: 5 })).toEqual({ path: "probeHourRetentionDays", message: "Must be at least the days runs are kept (10)" });
    expect(await issue({ probeHourRetentionDays: 2 })).toEqual({ path: "probeHourRetentionDays", message: "Must be at least the days runs are kept (3)" });
    expect(await issue({ probeRetentionDays: 500 })).toEqual({ path: "probeRetentionDays", message: "Must be at most the days hours are kept (400)" });
    expect((await call(settings.PATCH, { method: "PATCH", token: tokens.editor, body: { probeHourRetentionDays: 730, version: read.version } })).status).toBe(403);
    await withSettings(tokens.admin, { probeHourRetentionDays: 730 }, async () => {
      expect((await call(settings.GET, { token: tokens.viewer })).body.probeHourRetentionDays).toBe(730);
      const trail = await call(audit.GET, { token: tokens.admin, path: "/x?entityType=settings&limit=1" });
      expect(trail.body.events[0]).toMatchObject({ action: "update", before: { probeHourRetentionDays: 400 }, after: { probeHourRetentionDays: 730 } });
    });
  });
});
