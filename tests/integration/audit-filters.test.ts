// Issue 19 item 10: the audit trail names each entity by its reference and filters by actor and by
// entity, in the query, on the server, with the total of every match.
import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as risks from "@/app/api/v1/risks/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";

type Event = { actor: string; entityType: string; entityId: string; entity: { id: string; reference: string | null; title: string | null } };

let tokens: Tokens;
let slug = "";
let serviceId = "";
let incident = { id: "", reference: "", title: "" };
let risk = { id: "", reference: "" };
let editorLabel = "";

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  slug = unique("audit-filter");
  const created = await call(services.POST, { method: "POST", token: tokens.editor, body: { slug, name: "Ledger before", tier: 2, measuredSince: "2026-01-01T00:00:00Z" } });
  expect(created.status).toBe(201);
  serviceId = created.body.id;
  expect((await call(serviceItem.PATCH, { method: "PATCH", token: tokens.editor, params: { slug }, body: { name: "Ledger after", version: created.body.version } })).status).toBe(200);
  const title = unique("Ledger writes rejected");
  const inc = await call(incidents.POST, { method: "POST", token: tokens.editor, body: { title, severity: "SEV2", startedAt: "2026-05-01T10:00:00Z", resolvedAt: "2026-05-01T11:00:00Z", impacts: [{ service: slug }] } });
  expect(inc.status).toBe(201);
  incident = { id: inc.body.id, reference: inc.body.reference, title };
  const r = await call(risks.POST, { method: "POST", token: tokens.editor, body: { title: unique("Ledger disk fills"), service: slug, inherent: { likelihood: "B", consequence: 3 }, current: { likelihood: "C", consequence: 3 }, target: { likelihood: "D", consequence: 2 } } });
  expect(r.status).toBe(201);
  risk = { id: r.body.id, reference: r.body.reference };
  editorLabel = (await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "service", entityId: serviceId, action: "create" } })).actorLabel;
});

const list = (query: string) => call(audit.GET, { token: tokens.admin, path: `/api/v1/audit?${query}` });

describe("the audit trail names entities by their reference", () => {
  it("an incident by INC-…, a risk by RISK-…, a service by its slug, with the title or name the event recorded", async () => {
    const inc = (await list(`entityType=incident&entityId=${incident.id}`)).body.events as Event[];
    expect(inc.length).toBeGreaterThan(0);
    for (const e of inc) expect(e.entity).toEqual({ id: incident.id, reference: incident.reference, title: incident.title });
    const rk = (await list(`entityType=risk&entityId=${risk.id}`)).body.events as Event[];
    expect(rk[0]?.entity.reference).toBe(risk.reference);
    // A rename reads as one: the update names the service as it was after it, the creation as it was then.
    const svc = (await list(`entityType=service&entityId=${serviceId}`)).body.events as (Event & { action: string })[];
    expect(svc.map((e) => [e.action, e.entity.reference, e.entity.title])).toEqual([
      ["update", slug, "Ledger after"],
      ["create", slug, "Ledger before"],
    ]);
  });

  it("a deleted incident is still named by its reference, from what the event recorded", async () => {
    const title = unique("Logged by mistake");
    const inc = await call(incidents.POST, { method: "POST", token: tokens.editor, body: { title, severity: "SEV4", startedAt: "2026-05-02T10:00:00Z", resolvedAt: "2026-05-02T10:05:00Z", impacts: [{ service: slug }] } });
    expect((await call(incidentItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: inc.body.id } })).status).toBe(200);
    const events = (await list(`entityType=incident&entityId=${inc.body.id}`)).body.events as Event[];
    expect(events.map((e) => e.entity.reference)).toEqual([inc.body.reference, inc.body.reference]);
  });
});

describe("the audit trail filters by entity and by actor, with totals", () => {
  it("entity= takes INC-…, RISK-… or a slug, and counts every match, not the page", async () => {
    for (const [ref, type, id] of [[incident.reference, "incident", incident.id], [risk.reference, "risk", risk.id], [slug, "service", serviceId]] as const) {
      const res = await list(`entity=${encodeURIComponent(ref)}&limit=1`);
      expect(res.status).toBe(200);
      const expected = await prisma.auditEvent.count({ where: { entityType: type, entityId: id } });
      expect(res.body.total).toBe(expected);
      expect(res.body.events).toHaveLength(1);
      expect(res.body.events[0]).toMatchObject({ entityType: type, entityId: id });
    }
    // Lower case, as people type it.
    expect((await list(`entity=${incident.reference.toLowerCase()}`)).body.total).toBeGreaterThan(0);
  });

  it("actor= keeps one actor's events, with the other filters", async () => {
    const res = await list(`actor=${encodeURIComponent(editorLabel)}&entityType=service&limit=200`);
    expect(res.status).toBe(200);
    const events = res.body.events as Event[];
    expect(events.every((e) => e.actor === editorLabel && e.entityType === "service")).toBe(true);
    expect(res.body.total).toBe(await prisma.auditEvent.count({ where: { actorLabel: editorLabel, entityType: "service" } }));
    expect(events.map((e) => e.entityId)).toContain(serviceId);
    const both = await list(`actor=${encodeURIComponent(editorLabel)}&entity=${incident.reference}`);
    expect(both.body.total).toBe(await prisma.auditEvent.count({ where: { actorLabel: editorLabel, entityType: "incident", entityId: incident.id } }));
  });

  it("an actor or entity that names nothing is a 400 naming the field, not an empty list", async () => {
    const nobody = await list(`actor=${unique("nobody")}`);
    expect(nobody.status).toBe(400);
    expect(nobody.body.issues.map((i: { path: string }) => i.path)).toEqual(["actor"]);
    for (const ref of ["INC-2147483000", "RISK-999999999", unique("no-such-service")]) {
      const res = await list(`entity=${ref}`);
      expect(res.status).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(["entity"]);
    }
  });
});
