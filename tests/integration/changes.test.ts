import { beforeAll, describe, expect, it } from "vitest";
import * as changes from "@/app/api/v1/changes/route";
import * as incidentChanges from "@/app/api/v1/incidents/[id]/changes/route";
import * as lane from "@/app/api/v1/services/[slug]/availability/changes/route";
import * as audit from "@/app/api/v1/audit/route";
import * as close from "@/app/api/v1/reviews/[week]/close/route";
import * as review from "@/app/api/v1/reviews/[week]/route";
import * as reviews from "@/app/api/v1/reviews/route";
import { recordChange } from "@/lib/server/changes";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { timeZoneForFile } from "../support/settings";
import { logIncident, makeService } from "../support/incidents";
import type { PersonActor } from "@/lib/server/auth/actor";

// The review lists every overdue postmortem of the organisation: this file has a database of its
// own, so the ones it finds are exactly this file's.
await ownDatabaseForFile();

let tokens: Tokens;
let admin: PersonActor;
beforeAll(async () => {
  ({ tokens, admin } = await tokensForAllRoles());
});
// The review's week is cut in UTC; the zone the file found is put back after it.
timeZoneForFile("UTC", () => tokens.admin);

const post = (body: Record<string, unknown>, token = tokens.editor) => call(changes.POST, { method: "POST", token, body });
const list = (query: string, token = tokens.viewer) => call(changes.GET, { token, path: `/api/v1/changes?${query}` });
const ids = (body: { changes: { id: string }[] }) => body.changes.map((c) => c.id);

describe("POST /api/v1/changes", () => {
  it("records a deploy for a service with its audit event, and lists it", async () => {
    const service = await makeService(tokens.editor, tokens.admin);
    const res = await post({ service, at: "2026-11-30T10:00:00+01:00", kind: "deploy", summary: "Release 4.2 to production", url: "https://ci.example.com/p/1", release: "4.2.0" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ service: { slug: service, name: service }, at: "2026-11-30T09:00:00.000Z", kind: "deploy", summary: "Release 4.2 to production", url: "https://ci.example.com/p/1", release: "4.2.0", source: "api" });
    expect(res.body.createdBy).toMatch(/^token:/);
    const events = await call(audit.GET, { token: tokens.admin, path: `/api/v1/audit?entityType=change&entityId=${res.body.id}` });
    expect(events.body.events).toHaveLength(1);
    expect(events.body.events[0]).toMatchObject({ action: "create", entityType: "change" });
    const listed = await list(`service=${service}`);
    expect(listed.body).toEqual({ changes: [res.body], nextCursor: null, total: 1 });
  });

  it("stamps a change without `at` with now, and keeps url and release null", async () => {
    const service = await makeService(tokens.editor, tokens.admin);
    const before = Date.now();
    const res = await post({ service, kind: "flag", summary: "new-checkout on for 10 %" });
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(res.body.at)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(res.body).toMatchObject({ url: null, release: null, kind: "flag" });
  });

  it("answers 400 naming the field for bad input, and writes nothing", async () => {
    const service = await makeService(tokens.editor, tokens.admin);
    const cases: [Record<string, unknown>, string][] = [
      [{ service, kind: "rollback", summary: "x" }, "kind"],
      [{ service, kind: "deploy", summary: "" }, "summary"],
      [{ service, kind: "deploy", summary: "x", at: "yesterday" }, "at"],
      [{ service, kind: "deploy", summary: "x", at: "2026-11-30T10:00:00" }, "at"],
      [{ service, kind: "deploy", summary: "x", url: "ftp://example.com/x" }, "url"],
      [{ service, kind: "deploy", summary: "x", release: "" }, "release"],
      [{ service, kind: "deploy", summary: "x", team: "a" }, "team"],
      [{ kind: "deploy", summary: "x" }, "service"],
      [{ service: "Not A Slug", kind: "deploy", summary: "x" }, "service"],
      [{ service, kind: "deploy", summary: "a\u0000b" }, "summary"],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path), JSON.stringify(body)).toContain(field);
    }
    expect((await list(`service=${service}`)).body.total).toBe(0);
  });

  it("answers 404 naming a service Nines does not know", async () => {
    const slug = unique("ghost");
    const res = await post({ service: slug, kind: "deploy", summary: "x" });
    expect(res.status).toBe(404);
    expect(res.body.message).toContain(slug);
  });

  it("is an editor's: a viewer token cannot record a change, and no token cannot read them", async () => {
    const service = await makeService(tokens.editor, tokens.admin);
    expect((await post({ service, kind: "deploy", summary: "x" }, tokens.viewer)).status).toBe(403);
    expect((await post({ service, kind: "deploy", summary: "x" }, tokens.admin)).status).toBe(201);
    expect((await call(changes.GET, { token: null, path: "/api/v1/changes" })).status).toBe(401);
    expect((await list(`service=${service}`)).body.total).toBe(1);
  });
});

describe("GET /api/v1/changes", () => {
  it("lists newest first within from and to (both included), pages by cursor, and counts every match", async () => {
    const service = await makeService(tokens.editor, tokens.admin);
    const made: string[] = [];
    for (let h = 0; h < 5; h++) made.push((await post({ service, at: `2026-11-2${h}T12:00:00Z`, kind: h % 2 ? "config" : "deploy", summary: `change ${h}` })).body.id);
    const first = await list(`service=${service}&limit=2`);
    expect(ids(first.body)).toEqual([made[4], made[3]]);
    expect(first.body.total).toBe(5);
    const second = await list(`service=${service}&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual([made[2], made[1]]);
    const third = await list(`service=${service}&limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body).toMatchObject({ nextCursor: null, total: 5 });
    expect(ids(third.body)).toEqual([made[0]]);
    const window = await list(`service=${service}&from=2026-11-21T12:00:00Z&to=2026-11-23T12:00:00Z`);
    expect(ids(window.body)).toEqual([made[3], made[2], made[1]]);
    expect(window.body.total).toBe(3);
    const configs = await list(`service=${service}&kind=config`);
    expect(configs.body.total).toBe(2);
  });

  it("refuses an unknown service filter, a made-up cursor and to before from, each naming its parameter", async () => {
    const cases: [string, string][] = [[`service=${unique("nope")}`, "service"], ["cursor=abc", "cursor"], ["from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to"], ["limit=0", "limit"], ["kind=other", "kind"]];
    for (const [query, field] of cases) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.body.issues[0].path, query).toBe(field);
    }
  });
});

describe("recordChange, for the release gate", () => {
  it("writes a gate's change and its audit event in the caller's transaction, and rolls back with it", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const { id: serviceId } = await prisma.service.findUniqueOrThrow({ where: { slug } });
    const input = { serviceId, at: new Date("2026-11-30T10:00:00Z"), kind: "deploy" as const, summary: "Release 9 let through the gate", url: null, release: "9", source: "gate" as const };
    const dto = await prisma.$transaction((tx) => recordChange(tx, admin, input));
    expect(dto).toMatchObject({ source: "gate", release: "9", service: { id: serviceId, slug } });
    expect(await prisma.auditEvent.count({ where: { entityType: "change", entityId: dto.id } })).toBe(1);
    await expect(prisma.$transaction(async (tx) => {
      await recordChange(tx, admin, { ...input, release: "10" });
      throw new Error("the gate's own write failed");
    })).rejects.toThrow("the gate's own write failed");
    expect((await list(`service=${slug}`)).body.changes.map((c: { release: string }) => c.release)).toEqual(["9"]);
  });
});

describe("changes before an incident", () => {
  it("lists its services' changes in the two hours before it started, both edges included", async () => {
    const [a, b, other] = await Promise.all([makeService(tokens.editor, tokens.admin), makeService(tokens.editor, tokens.admin), makeService(tokens.editor, tokens.admin)]);
    const at = async (service: string, iso: string) => (await post({ service, at: iso, kind: "deploy", summary: `at ${iso}` })).body.id as string;
    const tooEarly = await at(a, "2026-11-30T07:59:59.999Z");
    const edgeStart = await at(a, "2026-11-30T08:00:00.000Z");
    const middle = await at(b, "2026-11-30T09:15:00.000Z");
    const edgeEnd = await at(b, "2026-11-30T10:00:00.000Z");
    const after = await at(a, "2026-11-30T10:00:00.001Z");
    const elsewhere = await at(other, "2026-11-30T09:00:00.000Z");
    const inc = await logIncident(tokens.editor, { startedAt: "2026-11-30T10:00:00Z", resolvedAt: "2026-11-30T11:00:00Z", impacts: [{ service: a }, { service: b }] });
    const res = await call(incidentChanges.GET, { token: tokens.viewer, params: { id: inc.body.reference } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: "2026-11-30T08:00:00.000Z", to: "2026-11-30T10:00:00.000Z", services: [a, b].sort(), total: 3 });
    expect(ids(res.body)).toEqual([edgeEnd, middle, edgeStart]);
    for (const left of [tooEarly, after, elsewhere]) expect(ids(res.body)).not.toContain(left);
    expect((await call(incidentChanges.GET, { token: tokens.viewer, params: { id: "INC-999999" } })).status).toBe(404);
  });

  it("is empty for an incident with no change before it", async () => {
    const a = await makeService(tokens.editor, tokens.admin);
    const inc = await logIncident(tokens.editor, { startedAt: "2026-11-30T10:00:00Z", impacts: [{ service: a }] });
    const res = await call(incidentChanges.GET, { token: tokens.viewer, params: { id: inc.body.id } });
    expect(res.body).toMatchObject({ total: 0, changes: [] });
  });
});

describe("the trend's marks", () => {
  it("puts a service's changes and its freezes in the series' range, counting every change", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const { id: serviceId } = await prisma.service.findUniqueOrThrow({ where: { slug } });
    await post({ service: slug, at: "2026-11-02T10:00:00Z", kind: "deploy", summary: "before the range" });
    const inside = await post({ service: slug, at: "2026-11-25T10:00:00Z", kind: "config", summary: "raise pool size" });
    await prisma.freeze.createMany({
      data: [
        { serviceId, startedAt: new Date("2026-11-26T00:00:00Z"), endedAt: null, reason: "Budget spent", recoversAt: new Date("2026-12-10T00:00:00Z") },
        { serviceId, startedAt: new Date("2026-10-01T00:00:00Z"), endedAt: new Date("2026-10-02T00:00:00Z"), reason: "Long over" },
      ],
    });
    const res = await call(lane.GET, { token: tokens.viewer, params: { slug }, path: "/x?bucket=day&count=7&asOf=2026-11-30T12:00:00Z" });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.changes).toEqual([{ id: inside.body.id, at: "2026-11-25T10:00:00.000Z", kind: "config", summary: "raise pool size", release: null, url: null }]);
    expect(res.body.freezes).toHaveLength(1);
    expect(res.body.freezes[0]).toMatchObject({ reason: "Budget spent", endedAt: null, recoversAt: "2026-12-10T00:00:00.000Z" });
    expect(res.body.freezes[0].text).toMatch(/^frozen since 2026-11-2[56] .*, recovers when 2026-12-(09|10) /);
    expect((await call(lane.GET, { token: tokens.viewer, params: { slug: unique("nope") }, path: "/x?bucket=day" })).status).toBe(404);
  });
});

describe("the weekly review", () => {
  const WEEK = "2025-W48"; // 2025-11-24 to 2025-12-01, UTC
  type Entry = { slug: string; changeCount: number; freezes: { text: string; reason: string }[] };
  const serviceOf = (body: { services: Entry[] }, slug: string) => body.services.find((s) => s.slug === slug) as Entry;

  it("counts each service's changes in the week, says its freezes, and lists required postmortems overdue; closing keeps them", async () => {
    const [a, b] = await Promise.all([makeService(tokens.editor, tokens.admin), makeService(tokens.editor, tokens.admin)]);
    const [idA, idB] = (await Promise.all([a, b].map(async (slug) => (await prisma.service.findUniqueOrThrow({ where: { slug } })).id))) as [string, string];
    for (const at of ["2025-11-23T23:59:59.999Z", "2025-11-24T00:00:00.000Z", "2025-11-26T12:00:00.000Z", "2025-11-30T23:59:59.999Z", "2025-12-01T00:00:00.000Z"]) {
      expect((await post({ service: a, at, kind: "deploy", summary: `deploy at ${at}` })).status).toBe(201);
    }
    await prisma.freeze.createMany({
      data: [
        { serviceId: idA, startedAt: new Date("2025-11-20T08:00:00Z"), endedAt: new Date("2025-11-25T09:30:00Z"), liftedAt: new Date("2025-11-25T09:30:00Z"), liftedBy: "Ada Admin", liftReason: "Urgent payment fix", reason: "Budget of availability spent" },
        { serviceId: idB, startedAt: new Date("2025-11-27T06:00:00Z"), endedAt: null, recoversAt: null, reason: "Burning fast" },
        { serviceId: idB, startedAt: new Date("2025-11-01T00:00:00Z"), endedAt: new Date("2025-11-10T00:00:00Z"), reason: "Long over" },
      ],
    });
    const logged = async (postmortem: string, due: string) => {
      const inc = await logIncident(tokens.editor, { startedAt: "2025-11-25T10:00:00Z", resolvedAt: "2025-11-25T11:00:00Z", impacts: [{ service: a }] });
      await prisma.incident.update({ where: { id: inc.body.id }, data: { postmortem, postmortemDueAt: new Date(due), postmortemReason: "It cost 42 % of the month's budget (the policy asks from 20 %)" } });
      return inc.body.reference as string;
    };
    const overdue = await logged("", "2025-11-28T10:00:00Z");
    await logged("## Summary\nWritten.", "2025-11-28T10:00:00Z");
    await logged("", "2025-12-03T10:00:00Z"); // due after the week's end

    const res = await call(review.GET, { token: tokens.viewer, params: { week: WEEK }, path: "/x" });
    expect(res.status).toBe(200);
    expect(serviceOf(res.body, a).changeCount).toBe(3);
    expect(serviceOf(res.body, b).changeCount).toBe(0);
    expect(serviceOf(res.body, a).freezes.map((f) => f.text)).toEqual(["frozen since 2025-11-20 08:00 UTC, lifted early by Ada Admin at 2025-11-25 09:30 UTC: Urgent payment fix"]);
    expect(serviceOf(res.body, b).freezes.map((f) => f.text)).toEqual(["frozen since 2025-11-27 06:00 UTC, recovers when its budget is back above the threshold"]);
    expect(res.body.postmortemsOverdue).toEqual([expect.objectContaining({ reference: overdue, services: [a], postmortemDueAt: "2025-11-28T10:00:00.000Z", postmortemReason: "It cost 42 % of the month's budget (the policy asks from 20 %)" })]);

    const markdown = await call(review.GET, { token: tokens.viewer, params: { week: WEEK }, path: "/x?format=markdown" });
    expect(markdown.body).toContain(`| ${a} |`);
    expect(markdown.body).toMatch(new RegExp(`\\| ${a} \\|.*\\| 3 \\|`));
    expect(markdown.body).toContain(`- ${b}: frozen since 2025-11-27 06:00 UTC, recovers when its budget is back above the threshold`);
    expect(markdown.body).toContain("## Required postmortems overdue");
    expect(markdown.body).toContain(`- ${overdue} `);
    expect(markdown.body).toContain("due 2025-11-28 10:00 UTC — It cost 42 % of the month's budget");

    expect((await call(reviews.POST, { method: "POST", token: tokens.editor, body: { week: WEEK } })).status).toBe(201);
    expect((await call(close.POST, { method: "POST", token: tokens.editor, params: { week: WEEK }, body: {} })).status).toBe(200);
    const stored = await prisma.review.findFirstOrThrow({ where: { week: WEEK } });
    const snapshot = stored.snapshot as { schemaVersion: number; services: { slug: string; changeCount: number; freezes: unknown[] }[]; postmortemsOverdue: { reference: string }[] };
    expect(snapshot.schemaVersion).toBe(6);
    expect(snapshot.services.find((s) => s.slug === a)).toMatchObject({ changeCount: 3 });
    expect(snapshot.services.find((s) => s.slug === b)?.freezes).toHaveLength(1);
    expect(snapshot.postmortemsOverdue.map((p) => p.reference)).toEqual([overdue]);

    // Later: a change backdated into the week, the freeze ended, the postmortem written. The closed review shows the week as it was.
    await post({ service: a, at: "2025-11-27T12:00:00Z", kind: "config", summary: "late entry" });
    await prisma.freeze.updateMany({ where: { serviceId: idB, endedAt: null }, data: { endedAt: new Date() } });
    await prisma.incident.updateMany({ where: { number: Number(overdue.replace("INC-", "")) }, data: { postmortem: "Written late." } });
    const closed = await call(review.GET, { token: tokens.viewer, params: { week: WEEK }, path: "/x" });
    expect(closed.body.state).toBe("closed");
    expect(serviceOf(closed.body, a).changeCount).toBe(3);
    expect(serviceOf(closed.body, b).freezes.map((f) => f.text)).toEqual(["frozen since 2025-11-27 06:00 UTC, recovers when its budget is back above the threshold"]);
    expect(closed.body.postmortemsOverdue.map((p: { reference: string }) => p.reference)).toEqual([overdue]);
  });
});
