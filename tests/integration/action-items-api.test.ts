import { beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/action-items/[id]/route";
import * as items from "@/app/api/v1/action-items/route";
import * as audit from "@/app/api/v1/audit/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as risks from "@/app/api/v1/risks/route";
import { todayIn } from "@/lib/domain/action-items";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { timeZoneForFile } from "../support/settings";
import { logIncident, makeService } from "../support/incidents";

let tokens: Tokens;
let inc: { id: string; reference: string };
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  const svc = await makeService(tokens.editor, tokens.admin);
  const res = await logIncident(tokens.editor, { startedAt: "2026-11-02T10:00:00Z", resolvedAt: "2026-11-02T11:00:00Z", impacts: [{ service: svc }] });
  inc = { id: res.body.id, reference: res.body.reference };
});
// Every figure below is cut in UTC; the zone the file found is put back after it.
timeZoneForFile("UTC", () => tokens.admin);

const create = (body: Record<string, unknown>, token = tokens.editor) => call(items.POST, { method: "POST", token, body: { title: unique("Fix"), ...body } });
const day = (offset: number) => todayIn("UTC", Date.now() + offset * 86_400_000);

describe("action items API", () => {
  it("creates one from an incident by its reference, lists it with the incident, and the incident shows it", async () => {
    const owner = unique("owner");
    const res = await create({ owner, dueDate: day(7), incident: inc.reference });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ owner, dueDate: day(7), status: "open", overdue: false, incident: { id: inc.id, reference: inc.reference }, version: 1, completedAt: null });
    const listed = await call(items.GET, { token: tokens.viewer, path: `/x?incident=${inc.reference}` });
    expect(listed.body.actionItems.map((a: { id: string }) => a.id)).toContain(res.body.id);
    const page = await call(incident.GET, { token: tokens.viewer, params: { id: inc.reference } });
    expect(page.body.actionItems.map((a: { id: string }) => a.id)).toContain(res.body.id);
  });

  it("names the risk it follows up by the risk's reference, as the incident's", async () => {
    const assessment = { likelihood: "C", consequence: 3 };
    const risk = await call(risks.POST, { method: "POST", token: tokens.editor, body: { title: unique("Risk"), inherent: assessment, current: assessment, target: assessment } });
    const res = await create({ risk: risk.body.id, dueDate: day(-1) });
    expect(res.body).toMatchObject({ risk: { id: risk.body.id, reference: risk.body.reference, title: risk.body.title }, overdue: true, incident: null });
    expect(risk.body.reference).toMatch(/^RISK-\d+$/);
    const listed = await call(items.GET, { token: tokens.viewer, path: `/x?risk=${risk.body.id}` });
    expect(listed.body.actionItems).toEqual([res.body]);
  });

  it("filters by owner, status and overdue, overdue first", async () => {
    const owner = unique("owner");
    const late = await create({ owner, dueDate: day(-3) });
    const soon = await create({ owner, dueDate: day(2) });
    const undated = await create({ owner });
    const done = await create({ owner, dueDate: day(-10), status: "done" });
    const mine = await call(items.GET, { token: tokens.viewer, path: `/x?owner=${owner.toUpperCase()}` });
    expect(mine.body.actionItems.map((a: { id: string }) => a.id)).toEqual([late.body.id, soon.body.id, undated.body.id, done.body.id]);
    expect(mine.body.actionItems[0].overdue).toBe(true);
    expect(done.body.overdue).toBe(false);
    const overdue = await call(items.GET, { token: tokens.viewer, path: `/x?owner=${owner}&overdue=true` });
    expect(overdue.body.actionItems.map((a: { id: string }) => a.id)).toEqual([late.body.id]);
    const open = await call(items.GET, { token: tokens.viewer, path: `/x?owner=${owner}&status=open&limit=2` });
    expect(open.body.actionItems).toHaveLength(2);
    const rest = await call(items.GET, { token: tokens.viewer, path: `/x?owner=${owner}&status=open&limit=2&cursor=${open.body.nextCursor}` });
    expect(rest.body.actionItems.map((a: { id: string }) => a.id)).toEqual([undated.body.id]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("marks done with the version read, stamps completion, refuses a stale edit saying who changed it", async () => {
    const created = await create({});
    const done = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.id }, body: { status: "done", version: 1 } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "done", version: 2 });
    expect(done.body.completedAt).not.toBeNull();
    const stale = await call(item.PATCH, { method: "PATCH", token: tokens.admin, params: { id: created.body.id }, body: { title: "Stale", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, changedBy: "Test editor" });
    expect(stale.body.message).toContain("changed by Test editor");
    const reopened = await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.id }, body: { status: "open", version: 2 } });
    expect(reopened.body.completedAt).toBeNull();
  });

  it.each([
    [{ dueDate: "2026-02-30" }, "dueDate"],
    [{ dueDate: "next week" }, "dueDate"],
    [{ dueDate: "0001-01-01" }, "dueDate"],
    [{ status: "finished" }, "status"],
    [{ incident: "INC-999999999" }, "incident"],
    [{ risk: "no-such-risk" }, "risk"],
    [{ title: "" }, "title"],
    [{ owner: "x".repeat(121) }, "owner"],
  ])("refuses %j with a 400 naming %s, writing nothing", async (body, field) => {
    const before = await prisma.actionItem.count();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe(field);
    expect(await prisma.actionItem.count()).toBe(before);
  });

  it("a viewer reads but cannot write; every write is audited", async () => {
    expect((await create({}, tokens.viewer)).status).toBe(403);
    const created = await create({});
    expect((await call(item.PATCH, { method: "PATCH", token: tokens.viewer, params: { id: created.body.id }, body: { status: "done", version: 1 } })).status).toBe(403);
    expect((await call(item.DELETE, { method: "DELETE", token: tokens.viewer, params: { id: created.body.id } })).status).toBe(403);
    await call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.id }, body: { owner: "sre", version: 1 } });
    expect((await call(item.DELETE, { method: "DELETE", token: tokens.editor, params: { id: created.body.id } })).status).toBe(200);
    expect((await call(item.GET, { token: tokens.viewer, params: { id: created.body.id } })).status).toBe(404);
    const trail = await call(audit.GET, { token: tokens.admin, path: `/x?entityType=action_item&entityId=${created.body.id}` });
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(["delete", "update", "create"]);
  });
});

describe("action items as work: references, service and due-date filters", () => {
  it("takes a risk by its reference in the body and in the filter, as everywhere else", async () => {
    const assessment = { likelihood: "C", consequence: 3 };
    const risk = await call(risks.POST, { method: "POST", token: tokens.editor, body: { title: unique("Risk"), inherent: assessment, current: assessment, target: assessment } });
    const res = await create({ risk: risk.body.reference });
    expect(res.status).toBe(201);
    expect(res.body.risk).toEqual({ id: risk.body.id, reference: risk.body.reference, title: risk.body.title });
    const listed = await call(items.GET, { token: tokens.viewer, path: `/x?risk=${risk.body.reference}` });
    expect(listed.body.actionItems.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    const missing = await create({ risk: "RISK-999999999" });
    expect(missing.status).toBe(400);
    expect(missing.body.issues).toContainEqual({ path: "risk", message: "No risk is 'RISK-999999999'" });
  });

  it("filters by service (through the incident or the risk) and by due date; an unknown service is a 400", async () => {
    const svc = await makeService(tokens.editor, tokens.admin);
    const hit = await logIncident(tokens.editor, { startedAt: "2026-11-03T10:00:00Z", resolvedAt: "2026-11-03T11:00:00Z", impacts: [{ service: svc }] });
    const assessment = { likelihood: "C", consequence: 3 };
    const risk = await call(risks.POST, { method: "POST", token: tokens.editor, body: { title: unique("Risk"), service: svc, inherent: assessment, current: assessment, target: assessment } });
    const fromIncident = await create({ incident: hit.body.reference, dueDate: day(3) });
    const fromRisk = await create({ risk: risk.body.reference, dueDate: day(20) });
    const undated = await create({ incident: hit.body.reference });
    await create({ incident: inc.reference, dueDate: day(3) }); // another service's
    const onService = await call(items.GET, { token: tokens.viewer, path: `/x?service=${svc}` });
    expect(onService.body.total).toBe(3);
    expect(onService.body.actionItems.map((a: { id: string }) => a.id).sort()).toEqual([fromIncident.body.id, fromRisk.body.id, undated.body.id].sort());
    const week = await call(items.GET, { token: tokens.viewer, path: `/x?service=${svc}&dueAfter=${day(0)}&dueBefore=${day(7)}` });
    expect(week.body.actionItems.map((a: { id: string }) => a.id)).toEqual([fromIncident.body.id]);
    const none = await call(items.GET, { token: tokens.viewer, path: `/x?service=${svc}&dueDate=none` });
    expect(none.body.actionItems.map((a: { id: string }) => a.id)).toEqual([undated.body.id]);
    const unknown = await call(items.GET, { token: tokens.viewer, path: "/x?service=no-such-service-anywhere" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toContainEqual({ path: "service", message: "No service has the slug 'no-such-service-anywhere'" });
    const badDate = await call(items.GET, { token: tokens.viewer, path: "/x?dueBefore=2026-02-30" });
    expect(badDate.status).toBe(400);
    expect(badDate.body.issues[0].path).toBe("dueBefore");
  });
});
