import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as all from "@/app/api/v1/availability/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as close from "@/app/api/v1/reviews/[week]/close/route";
import * as reopen from "@/app/api/v1/reviews/[week]/reopen/route";
import * as review from "@/app/api/v1/reviews/[week]/route";
import * as reviews from "@/app/api/v1/reviews/route";
import * as probes from "@/app/api/v1/services/[slug]/probes/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import { formatDuration } from "@/lib/domain/format";
import { prisma } from "@/lib/server/db";
import { call } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { allReviewWeeks, tokensForAllRoles, type Tokens } from "../support/fixtures";
import { timeZoneForFile } from "../support/settings";
import { logIncident, makeService } from "../support/incidents";

// A review counts every service and every incident of its week, the whole organisation's: this
// file has a database of its own, so each count below is exactly this file's data.
await ownDatabaseForFile();

let tokens: Tokens;
let svc: string;
let inc: { id: string; reference: string; version: number };
const WEEK = "2025-W40"; // 2025-09-29 to 2025-10-06, UTC
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  svc = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
  const res = await logIncident(tokens.editor, { startedAt: "2025-09-30T10:00:00Z", detectedAt: "2025-09-30T10:05:00Z", resolvedAt: "2025-09-30T10:42:00Z", impacts: [{ service: svc }] });
  inc = { id: res.body.id, reference: res.body.reference, version: res.body.version };
  // A second objective on the same record: 99 % a week, which the 42 minutes do not miss.
  expect((await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug: svc }, body: { name: "weekly", target: 0.99, window: "week", sli: { source: "incidents" } } })).status).toBe(201);
});
// Every figure below is cut in UTC; the zone the file found is put back after it.
timeZoneForFile("UTC", () => tokens.admin);

const get = (week = WEEK, token = tokens.viewer, query = "") => call(review.GET, { token, params: { week }, path: `/x${query}` });
const entryOf = (list: { service: { slug: string } }[]) => list.find((s) => s.service.slug === svc);

describe("weekly review API", () => {
  it("shows the same figures as the availability API for the same week, and the SLO window at the week's end", async () => {
    const res = await get(WEEK, tokens.viewer, "?include=trend");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ week: WEEK, state: "not_started", window: { label: `week:${WEEK}`, from: "2025-09-29T00:00:00.000Z", to: "2025-10-06T00:00:00.000Z", firstDay: "2025-09-29", lastDay: "2025-10-05" }, sloAsOf: "2025-10-06T00:00:00.000Z" });
    expect(res.body.services.map((s: { slug: string }) => s.slug)).toEqual([svc]);
    const mine = res.body.services[0];
    const week = await call(all.GET, { token: tokens.viewer, path: `/x?window=week:${WEEK}&asOf=${res.body.asOf}&incidents=5` });
    expect(mine.week).toEqual(entryOf(week.body.services));
    const slo = await call(all.GET, { token: tokens.viewer, path: `/x?asOf=${res.body.sloAsOf}` });
    expect(mine.sloWindow).toEqual(entryOf(slo.body.services));
    // 42 minutes down in a 168-hour week, at 99.9 %: missed.
    expect(mine.week.downtimeSeconds).toBe(2520);
    expect(mine.week.metTarget).toBe(false);
    expect(mine.trend).toHaveLength(12);
    expect(mine.trend.at(-1)).toMatchObject({ label: `week:${WEEK}`, metTarget: false });
    // Without include=trend the same figures, without the trend (the costliest part).
    const plain = (await get()).body.services.find((s: { slug: string }) => s.slug === svc);
    expect(plain.trend).toBeNull();
    expect([plain.week.availability, plain.week.downtimeSeconds]).toEqual([mine.week.availability, mine.week.downtimeSeconds]);
    // The service's other SLO, with its own week and window.
    expect(mine.slos).toEqual([expect.objectContaining({ name: "weekly", unit: "seconds", target: 0.99, window: "week", week: { sli: 1 - 2520 / 604_800, metTarget: true, unknownSeconds: 0 } })]);
    // Its own window as of sloAsOf, as the SLO's figures route gives it.
    const own = (await call(sloAvailability.GET, { token: tokens.viewer, params: { id: mine.slos[0].id }, path: `/x?asOf=${res.body.sloAsOf}` })).body;
    expect(mine.slos[0].sloWindow).toEqual({ sli: own.sli, remainingRatio: own.errorBudget?.remainingRatio ?? null, burnState: own.burnState });
    expect(res.body.incidents).toHaveLength(1);
    expect(res.body.incidents[0]).toMatchObject({ id: inc.id, reference: inc.reference, services: [svc], ttdSeconds: 300, ttrSeconds: 2520, postmortemWritten: false });
  });

  it("starts, takes notes with a version, closes once; a viewer reads but cannot write", async () => {
    expect((await call(reviews.POST, { method: "POST", token: tokens.viewer, body: { week: WEEK } })).status).toBe(403);
    const started = await call(reviews.POST, { method: "POST", token: tokens.editor, body: { week: WEEK } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ state: "open", version: 1 });
    expect((await call(reviews.POST, { method: "POST", token: tokens.editor, body: { week: WEEK } })).status).toBe(200);
    const noted = await call(review.PATCH, { method: "PATCH", token: tokens.editor, params: { week: WEEK }, body: { notes: "Checkout **missed**: add a canary", attendees: ["Ana", "Ben"], version: 1 } });
    expect(noted.status).toBe(200);
    expect(noted.body).toMatchObject({ notes: "Checkout **missed**: add a canary", attendees: ["Ana", "Ben"], version: 2 });
    expect((await call(review.PATCH, { method: "PATCH", token: tokens.editor, params: { week: WEEK }, body: { notes: "stale", version: 1 } })).status).toBe(409);
    expect((await call(close.POST, { method: "POST", token: tokens.viewer, params: { week: WEEK }, body: {} })).status).toBe(403);
    const closed = await call(close.POST, { method: "POST", token: tokens.editor, params: { week: WEEK }, body: { version: 2 } });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: "closed", closedBy: "Test editor", changes: [] });
    const again = await call(close.POST, { method: "POST", token: tokens.editor, params: { week: WEEK }, body: {} });
    expect(again.status).toBe(409);
    expect((await call(review.PATCH, { method: "PATCH", token: tokens.editor, params: { week: WEEK }, body: { notes: "late", version: 3 } })).status).toBe(409);
    // One service, which missed its target in the week; its month's budget (October) was untouched.
    expect((await allReviewWeeks(tokens.viewer)).find((w) => w.week === WEEK)).toMatchObject({ state: "closed", closedBy: "Test editor", incidents: 1, headline: { met: 0, missed: 1, budgetsExhausted: 0 } });
  });

  it("lists the weeks a page at a time, newest first, with their total; a week that is not one is a 400", async () => {
    // Three more stored reviews, long ago: the list is the recent weeks and every stored one.
    for (const week of ["2019-W01", "2019-W02", "2019-W03"]) await call(reviews.POST, { method: "POST", token: tokens.editor, body: { week } });
    const whole = await allReviewWeeks(tokens.viewer, 200);
    const paged = await allReviewWeeks(tokens.viewer, 2);
    expect(paged.map((w) => w.week)).toEqual(whole.map((w) => w.week));
    expect(whole.map((w) => w.week)).toEqual([...whole.map((w) => w.week)].sort().reverse());
    expect(whole.slice(-3).map((w) => w.week)).toEqual(["2019-W03", "2019-W02", "2019-W01"]);
    const first = await call(reviews.GET, { token: tokens.viewer, path: "/x?limit=2" });
    expect(first.body).toMatchObject({ total: whole.length, nextCursor: first.body.weeks[1].week });
    expect(first.body.weeks[0].current).toBe(true);
    const last = await call(reviews.GET, { token: tokens.viewer, path: "/x?cursor=2019-W02&limit=5" });
    expect(last.body).toEqual({ weeks: [expect.objectContaining({ week: "2019-W01" })], nextCursor: null, total: whole.length });
    const bad = await call(reviews.GET, { token: tokens.viewer, path: "/x?cursor=yesterday" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: "cursor", message: "Must be an ISO week such as 2026-W48" }]);
  });

  it("keeps the frozen figures after an incident is edited, and says what changed", async () => {
    const before = (await get()).body;
    const mine = before.services.find((s: { slug: string }) => s.slug === svc);
    const edit = await call(incident.PATCH, { method: "PATCH", token: tokens.editor, params: { id: inc.id }, body: { resolvedAt: "2025-09-30T11:05:00Z", version: inc.version } });
    expect(edit.status).toBe(200);
    const after = (await get()).body;
    expect(after.services.find((s: { slug: string }) => s.slug === svc)).toEqual(mine);
    expect(after.changes.map((c: { message: string }) => c.message)).toEqual([
      `${inc.reference}'s end was corrected (was 2025-09-30 10:42, now 2025-09-30 11:05)`,
      `${svc}: the week's availability was 99.5833\u00a0%, is now 99.3552\u00a0%`,
    ]);
  });

  it("exports Markdown and CSV from the same figures", async () => {
    const markdown = await get(WEEK, tokens.viewer, "?format=markdown");
    expect(markdown.headers.get("content-type")).toContain("text/markdown");
    expect(markdown.body).toContain(`# Availability review ${WEEK}`);
    expect(markdown.body).toContain(`## Changed since the review`);
    expect(markdown.body).toMatch(new RegExp(`\\| ${svc} \\| \\d+ \\| 99\\.583\u00a0% \\| 99\\.9\u00a0% \\| \\*\\*no\\*\\*`));
    expect(markdown.body).toContain("Checkout **missed**: add a canary");
    const csv = await get(WEEK, tokens.viewer, "?format=csv");
    const [header, ...rows] = (csv.body as string).trim().split("\r\n");
    expect(header).toContain("week_availability");
    const row = rows.find((r) => r.includes(`,${svc},`) && r.endsWith(",availability"));
    expect(row).toContain(",0.9958333333333333,no,2520,");
    // The service's other SLO on a row of its own, and in the Markdown's own table.
    const weekly = rows.find((r) => r.includes(`,${svc},`) && r.endsWith(",weekly"));
    expect(weekly).toContain(",0.99,0.9958333333333333,yes,,,week,");
    expect(markdown.body).toMatch(new RegExp(`## Other SLOs[\\s\\S]*\\| ${svc} \\| weekly \\| 99\\.583 % \\| 99 % \\| yes \\|`));
  });

  it("only an admin reopens a closed review; its figures are live again and the trail reads create, update, close, reopen", async () => {
    expect((await call(reopen.POST, { method: "POST", token: tokens.editor, params: { week: WEEK } })).status).toBe(403);
    const reopened = await call(reopen.POST, { method: "POST", token: tokens.admin, params: { week: WEEK } });
    expect(reopened.body).toMatchObject({ state: "open", changes: [] });
    expect(reopened.body.services.find((s: { slug: string }) => s.slug === svc).week.downtimeSeconds).toBe(3900);
    const row = await prisma.review.findUniqueOrThrow({ where: { week: WEEK } });
    const trail = await call(audit.GET, { token: tokens.admin, path: `/x?entityType=review&entityId=${row.id}` });
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(["reopen", "close", "update", "create"]);
  });

  it.each([["2025-W60"], ["next-week"], ["2999-W01"]])("refuses week %s with a 400 naming it", async (week) => {
    const res = await get(week);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe("week");
  });

  it("sets a probe's SLO beside the incident record for the week: bad time no incident covers, incident time seen good (page, Markdown, CSV)", async () => {
    const week = "2025-W41"; // 2025-10-06 to 2025-10-13, UTC
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, sloWindow: "month" });
    await logIncident(tokens.editor, { startedAt: "2025-10-07T10:00:00Z", resolvedAt: "2025-10-07T10:42:00Z", impacts: [{ service: slug }] });
    const probe = (await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: "http://127.0.0.1:9/health", intervalSeconds: 60, enabled: false } })).body.id as string;
    // Runs a minute apart from 09:00 to 10:59: those of 09:30 to 09:39 failed, with no incident;
    // through the incident's 42 minutes every run passed.
    const t0 = Date.parse("2025-10-07T09:00:00Z");
    await prisma.probeRun.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ probeId: probe, at: new Date(t0 + i * 60_000), scheduledAt: new Date(t0 + i * 60_000), ok: i < 30 || i >= 40, status: 200, latencyMs: 80 })) });
    expect((await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { name: "health", target: 0.9, sli: { source: "probe", probe, kind: "success" } } })).status).toBe(201);

    const res = await get(week);
    const health = res.body.services.find((s: { slug: string }) => s.slug === slug).slos[0];
    expect(health).toMatchObject({ name: "health", unit: "events", week: { metTarget: true, unknownSeconds: 604_800 - 7205 } });
    expect(health.week.sli).toBeCloseTo(110 / 120, 12);
    // Ten minutes seen bad with no incident; the incident's 42 minutes seen good; the rest of the
    // week unmeasured (the last run covers a minute and 5 s of slack).
    expect(health.beside).toEqual({ measuredOnlySeconds: 600, incidentOnlySeconds: 2520, unknownSeconds: 604_800 - 7205 });
    // An SLO from the incident record is the record itself: nothing beside it.
    expect(res.body.services.find((s: { slug: string }) => s.slug === svc).slos[0]).toMatchObject({ name: "weekly", beside: null });

    const markdown = (await get(week, tokens.viewer, "?format=markdown")).body as string;
    expect(markdown).toContain("| seen bad, no incident | incident time seen good |");
    expect(markdown).toMatch(new RegExp(`\\| ${slug} \\| health \\|[^\\n]*\\| ${formatDuration(600)} \\| ${formatDuration(2520)} \\|`));
    const [header, ...rows] = ((await get(week, tokens.viewer, "?format=csv")).body as string).trim().split("\r\n");
    expect(header).toContain(",week_measured_only_seconds,week_incident_only_seconds,slo");
    expect(rows.find((r) => r.includes(`,${slug},`) && r.endsWith(",health"))).toContain(",600,2520,health");
  });
});
