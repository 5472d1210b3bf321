import { beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as item from "@/app/api/v1/incidents/[id]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import { prisma } from "@/lib/server/db";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

let tokens: Tokens;
let svc: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  svc = await makeService(tokens.editor, tokens.admin);
});

const T = (s: string) => `2026-03-0${s}Z`;

describe("incidents API", () => {
  it("logs an ongoing incident, then resolves it through the timeline", async () => {
    const res = await logIncident(tokens.editor, { startedAt: T("1T10:00:00"), detectedAt: T("1T10:05:00"), impacts: [{ service: svc, fraction: 0.5 }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "unplanned", status: "investigating", ongoing: true, resolvedAt: null, version: 1 });
    expect(res.body.reference).toMatch(/^INC-\d+$/);
    expect(res.body.impacts).toEqual([expect.objectContaining({ service: svc, fraction: 0.5 })]);
    const resolved = await call(events.POST, {
      method: "POST", token: tokens.editor, params: { id: res.body.id },
      body: { type: "resolved", message: "Rolled back", at: T("1T11:00:00") },
    });
    expect(resolved.status).toBe(201);
    const got = await call(item.GET, { token: tokens.viewer, params: { id: res.body.id } });
    expect(got.body).toMatchObject({ status: "resolved", resolvedAt: "2026-03-01T11:00:00.000Z", version: 2 });
    // Resolving moved the status too: an entry of its own after the milestone's.
    expect(got.body.timeline.map((e: { type: string }) => e.type)).toEqual(["note", "detected", "resolved", "status_change"]);
  });

  it("writes a timeline event for every field a PATCH changes", async () => {
    const created = await logIncident(tokens.editor, { startedAt: T("2T10:00:00"), impacts: [{ service: svc }] });
    const id = created.body.id;
    const patched = await call(item.PATCH, {
      method: "PATCH", token: tokens.editor, params: { id },
      body: { version: 1, severity: "SEV1", acknowledgedAt: T("2T10:20:00"), resolvedAt: T("2T12:00:00"), impacts: [{ service: svc, fraction: 0.25 }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ severity: "SEV1", status: "resolved", version: 2 });
    const timeline = (await call(item.GET, { token: tokens.viewer, params: { id } })).body.timeline as { type: string; message: string; data: unknown }[];
    // Entries Nines writes itself are data, not English sentences with raw instants.
    expect(timeline.map((e) => e.data)).toEqual(expect.arrayContaining([
      { kind: "field", field: "severity", from: "SEV2", to: "SEV1" },
      { kind: "status", from: "investigating", to: "resolved" },
      { kind: "impact_changed", service: svc, from: { fraction: 1, startedAt: null, endedAt: null }, to: { fraction: 0.25, startedAt: null, endedAt: null } },
      { kind: "milestone", milestone: "acknowledgedAt", at: "2026-03-02T10:20:00.000Z", was: null },
    ]));
    expect(timeline.filter((e) => e.data !== null).every((e) => e.message === "")).toBe(true);
  });

  it.each([
    [{ impacts: [{ service: "no-such-service" }] }, "impacts.0.service"],
    [{ impacts: [{ service: "SVC", fraction: 0 }] }, "impacts.0.fraction"],
    [{ impacts: [{ service: "SVC", fraction: 1.5 }] }, "impacts.0.fraction"],
    [{ resolvedAt: "2026-03-03T09:00:00Z", impacts: [{ service: "SVC" }] }, "resolvedAt"],
    [{ detectedAt: "2026-03-03T11:00:00Z", acknowledgedAt: "2026-03-03T10:30:00Z", impacts: [{ service: "SVC" }] }, "acknowledgedAt"],
    [{ impacts: [{ service: "SVC", startedAt: "2026-03-03T09:00:00Z" }] }, "impacts.0.startedAt"],
    [{ startedAt: "2026-03-03 10:00", impacts: [{ service: "SVC" }] }, "startedAt"],
    [{ severity: "SEV9", impacts: [{ service: "SVC" }] }, "severity"],
    [{ impacts: [] }, "impacts"],
  ])("rejects %j naming %s and writes nothing", async (body, field) => {
    const before = await prisma.incident.count();
    const json = JSON.parse(JSON.stringify(body).replaceAll('"SVC"', JSON.stringify(svc)));
    const res = await logIncident(tokens.editor, { startedAt: "2026-03-03T10:00:00Z", ...json });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(await prisma.incident.count()).toBe(before);
  });

  it("keeps impact rows on a title edit and moves their end with resolvedAt", async () => {
    const created = await logIncident(tokens.editor, { startedAt: T("4T08:00:00"), impacts: [{ service: svc, fraction: 0.5 }] });
    const id = created.body.id;
    const before = await prisma.impact.findFirstOrThrow({ where: { incidentId: id } });
    await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { version: 1, title: "Renamed" } });
    const afterTitle = await prisma.impact.findFirstOrThrow({ where: { incidentId: id } });
    expect(afterTitle.id).toBe(before.id);
    expect(afterTitle.effectiveEnd).toBeNull();
    await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { version: 2, resolvedAt: T("4T09:00:00") } });
    const afterResolve = await prisma.impact.findFirstOrThrow({ where: { incidentId: id } });
    expect(afterResolve.effectiveEnd?.toISOString()).toBe("2026-03-04T09:00:00.000Z");
    expect(afterResolve.fraction).toBe(0.5);
  });

  it("refuses a stale version with 409 and overwrites nothing", async () => {
    const created = await logIncident(tokens.editor, { startedAt: T("4T10:00:00"), impacts: [{ service: svc }] });
    const id = created.body.id;
    expect((await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { version: 1, title: "First" } })).status).toBe(200);
    const stale = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { version: 1, title: "Second" } });
    expect(stale.status).toBe(409);
    const got = await call(item.GET, { token: tokens.viewer, params: { id } });
    expect(got.body).toMatchObject({ title: "First", version: 2 });
    const missing = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { title: "No version" } });
    expect(missing.status).toBe(400);
    expect(missing.body.issues[0].path).toBe("version");
  });

  it("enforces milestone order in the database too, not only in zod", async () => {
    const created = await logIncident(tokens.editor, { startedAt: T("5T10:00:00"), impacts: [{ service: svc }] });
    await expect(
      prisma.incident.update({ where: { id: created.body.id }, data: { resolvedAt: new Date("2026-03-05T09:00:00Z"), status: "resolved" } }),
    ).rejects.toThrow();
    await expect(prisma.impact.updateMany({ where: { incidentId: created.body.id }, data: { fraction: 1.5 } })).rejects.toThrow();
    await expect(
      prisma.impact.updateMany({ where: { incidentId: created.body.id }, data: { effectiveStart: new Date("2026-03-05T09:00:00Z") } }),
    ).rejects.toThrow();
  });

  it("keeps the impact rows' copies of the incident's milestones equal to the incident's in the database", async () => {
    const created = await logIncident(tokens.editor, { startedAt: T("5T12:00:00"), detectedAt: T("5T12:05:00"), impacts: [{ service: svc }] });
    const where = { incidentId: created.body.id };
    expect(await prisma.impact.findFirstOrThrow({ where })).toMatchObject({ incidentDetectedAt: new Date(T("5T12:05:00")), incidentAcknowledgedAt: null, incidentResolvedAt: null });
    await expect(prisma.incident.update({ where: { id: created.body.id }, data: { detectedAt: new Date(T("5T12:06:00")) } })).rejects.toThrow();
    await expect(prisma.impact.updateMany({ where, data: { incidentAcknowledgedAt: new Date(T("5T12:07:00")) } })).rejects.toThrow();
    await call(events.POST, { method: "POST", token: tokens.editor, params: { id: created.body.id }, body: { type: "acknowledged", message: "On it", at: T("5T12:07:00") } });
    expect(await prisma.impact.findFirstOrThrow({ where })).toMatchObject({ incidentAcknowledgedAt: new Date(T("5T12:07:00")) });
    // The reference and title too: a title edit alone reaches the impact rows.
    const renamed = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.id }, body: { version: 2, title: "Renamed" } });
    expect(renamed.status).toBe(200);
    expect(await prisma.impact.findFirstOrThrow({ where })).toMatchObject({ incidentTitle: "Renamed", incidentNumber: Number(created.body.reference.slice(4)) });
    await expect(prisma.incident.update({ where: { id: created.body.id }, data: { title: "Behind the copies' back" } })).rejects.toThrow();
  });

  it("lists newest first with filters and cursor pagination", async () => {
    const other = await makeService(tokens.editor, tokens.admin);
    for (const [day, kind] of [["6", "unplanned"], ["7", "maintenance"], ["8", "unplanned"]] as const) {
      await logIncident(tokens.editor, { kind, startedAt: T(`${day}T10:00:00`), resolvedAt: T(`${day}T11:00:00`), impacts: [{ service: other }] });
    }
    const page1 = await call(incidents.GET, { token: tokens.viewer, path: `/api/v1/incidents?service=${other}&limit=2` });
    expect(page1.body.incidents.map((i: { startedAt: string }) => i.startedAt.slice(0, 10))).toEqual(["2026-03-08", "2026-03-07"]);
    const page2 = await call(incidents.GET, { token: tokens.viewer, path: `/api/v1/incidents?service=${other}&limit=2&cursor=${page1.body.nextCursor}` });
    expect(page2.body.incidents.map((i: { startedAt: string }) => i.startedAt.slice(0, 10))).toEqual(["2026-03-06"]);
    expect(page2.body.nextCursor).toBeNull();
    const maint = await call(incidents.GET, { token: tokens.viewer, path: `/api/v1/incidents?service=${other}&kind=maintenance` });
    expect(maint.body.incidents).toHaveLength(1);
    const range = await call(incidents.GET, { token: tokens.viewer, path: `/api/v1/incidents?service=${other}&from=2026-03-07T10:30:00Z&to=2026-03-08T00:00:00Z` });
    expect(range.body.incidents).toHaveLength(1);
    const bad = await call(incidents.GET, { token: tokens.viewer, path: "/api/v1/incidents?status=closed&severity=SEV7" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["severity", "status"]);
  });

  it("deletes with an audit record; viewers cannot write", async () => {
    const created = await logIncident(tokens.editor, { startedAt: T("9T10:00:00"), impacts: [{ service: svc }] });
    expect((await logIncident(tokens.viewer, { startedAt: T("9T10:00:00"), impacts: [{ service: svc }] })).status).toBe(403);
    expect((await call(item.DELETE, { method: "DELETE", token: tokens.editor, params: { id: created.body.id } })).status).toBe(200);
    expect((await call(item.GET, { token: tokens.viewer, params: { id: created.body.id } })).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { entityId: created.body.id, action: "delete" } })).toBe(1);
  });
});

describe("the incident's detail", () => {
  it("is found by its reference as by its id, and PATCH and events take the reference too", async () => {
    const created = await logIncident(tokens.editor, { startedAt: "2026-03-05T10:00:00Z", impacts: [{ service: svc }] });
    const { id, reference } = created.body;
    const byRef = await call(item.GET, { token: tokens.viewer, params: { id: reference.toLowerCase() } });
    expect(byRef.status).toBe(200);
    expect(byRef.body.id).toBe(id);
    const patched = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id: reference }, body: { version: 1, title: "By reference" } });
    expect(patched.body.title).toBe("By reference");
    const note = await call(events.POST, { method: "POST", token: tokens.editor, params: { id: reference }, body: { type: "note", message: "via ref" } });
    expect(note.status).toBe(201);
    expect((await call(item.GET, { token: tokens.viewer, params: { id: "INC-999999999" } })).status).toBe(404);
  });

  it("carries what it cost each service: the engine's attribution and the share of its SLO window's budget", async () => {
    const checkout = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
    const search = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, sloWindow: "month" });
    const created = await logIncident(tokens.editor, {
      startedAt: "2026-04-07T08:00:00Z",
      resolvedAt: "2026-04-07T08:37:00Z",
      impacts: [{ service: checkout }, { service: search, fraction: 0.25 }],
    });
    const got = await call(item.GET, { token: tokens.viewer, params: { id: created.body.id } });
    const bySlug = Object.fromEntries(got.body.costs.map((c: { service: string }) => [c.service, c]));
    // April is 30 days: 2,592 s of budget at 99.9 %, 25,920 s at 99 %.
    expect(bySlug[checkout]).toMatchObject({ downtimeSeconds: 2220, windowSeconds: 2220, budgetSeconds: 2592, window: { label: "month:2026-04" } });
    expect(bySlug[checkout].budgetShare).toBeCloseTo(2220 / 2592, 12);
    expect(bySlug[search]).toMatchObject({ downtimeSeconds: 555, budgetSeconds: 25_920 });
    expect(got.body.lastChange).toMatchObject({ changedBy: "Test editor" });
  });

  it("a stale edit is told who changed the incident and when", async () => {
    const created = await logIncident(tokens.editor, { startedAt: "2026-03-06T10:00:00Z", impacts: [{ service: svc }] });
    await call(item.PATCH, { method: "PATCH", token: tokens.admin, params: { id: created.body.id }, body: { version: 1, severity: "SEV1" } });
    const stale = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.id }, body: { version: 1, summary: "typed meanwhile" } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, changedBy: "Test admin" });
    expect(Date.parse(stale.body.current.changedAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});
