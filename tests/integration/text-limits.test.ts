import { beforeAll, describe, expect, it } from "vitest";
import * as items from "@/app/api/v1/action-items/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as risk from "@/app/api/v1/risks/[id]/route";
import * as risks from "@/app/api/v1/risks/route";
import * as services from "@/app/api/v1/services/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

/**
 * A text longer than its limit is a 400 naming the field, and nothing is written: the API never
 * cuts a title to fit (a 5,000-character title once became 120 characters in the browser).
 * And a text exactly at its limit is kept whole.
 */
let tokens: Tokens;
let svc: string;
let tierRank: number;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  svc = await makeService(tokens.editor, tokens.admin);
  tierRank = (await prisma.service.findUniqueOrThrow({ where: { slug: svc }, include: { tier: true } })).tier.rank;
});

const long = (n: number) => "x".repeat(n);
const assessment = { likelihood: "C", consequence: 3 };
const riskBody = () => ({ title: unique("Disk fills"), service: svc, inherent: assessment, current: assessment, target: assessment });

type Case = { field: string; max: number; send: (text: string) => Promise<{ status: number; body: any }>; count: () => Promise<number> };

const cases: Case[] = [
  { field: "title", max: 120, send: (t) => logIncident(tokens.editor, { title: t, startedAt: "2026-03-01T10:00:00Z", impacts: [{ service: svc }] }), count: () => prisma.incident.count() },
  { field: "summary", max: 10_000, send: (t) => logIncident(tokens.editor, { summary: t, startedAt: "2026-03-01T10:00:00Z", impacts: [{ service: svc }] }), count: () => prisma.incident.count() },
  { field: "rootCause", max: 10_000, send: (t) => logIncident(tokens.editor, { rootCause: t, startedAt: "2026-03-01T10:00:00Z", impacts: [{ service: svc }] }), count: () => prisma.incident.count() },
  { field: "title", max: 120, send: (t) => call(risks.POST, { method: "POST", token: tokens.editor, body: { ...riskBody(), title: t } }), count: () => prisma.risk.count() },
  { field: "owner", max: 120, send: (t) => call(risks.POST, { method: "POST", token: tokens.editor, body: { ...riskBody(), owner: t } }), count: () => prisma.risk.count() },
  { field: "cause", max: 5_000, send: (t) => call(risks.POST, { method: "POST", token: tokens.editor, body: { ...riskBody(), cause: t } }), count: () => prisma.risk.count() },
  { field: "mitigationPlan", max: 10_000, send: (t) => call(risks.POST, { method: "POST", token: tokens.editor, body: { ...riskBody(), mitigationPlan: t } }), count: () => prisma.risk.count() },
  { field: "title", max: 120, send: (t) => call(items.POST, { method: "POST", token: tokens.editor, body: { title: t, owner: "ana" } }), count: () => prisma.actionItem.count() },
  { field: "owner", max: 120, send: (t) => call(items.POST, { method: "POST", token: tokens.editor, body: { title: unique("Fix"), owner: t } }), count: () => prisma.actionItem.count() },
  {
    field: "name",
    max: 120,
    send: (t) => call(services.POST, { method: "POST", token: tokens.editor, body: { slug: unique("svc"), name: t, tier: tierRank } }),
    count: () => prisma.service.count(),
  },
];

describe("text limits", () => {
  it.each(cases.map((c) => [c.field, c.max, c] as const))("refuses a %s of %i + 1 characters by name and writes nothing", async (field, max, c) => {
    const before = await c.count();
    const res = await c.send(long(max + 1));
    expect(res.status).toBe(400);
    expect(res.body.issues).toContainEqual({ path: field, message: `Must be at most ${max} characters` });
    expect(await c.count()).toBe(before);
  });

  it.each(cases.map((c) => [c.field, c.max, c] as const))("keeps a %s of exactly %i characters whole", async (field, max, c) => {
    const res = await c.send(long(max));
    expect(res.status).toBe(201);
    expect(String(res.body[field]).length).toBe(max);
  });

  it("refuses a 5,000-character title on a PATCH too, leaving the title as it was", async () => {
    const created = await logIncident(tokens.editor, { startedAt: "2026-03-02T10:00:00Z", impacts: [{ service: svc }] });
    const res = await call(incident.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.id }, body: { version: 1, title: long(5000) } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toContainEqual({ path: "title", message: "Must be at most 120 characters" });
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: created.body.id } })).title).toBe(created.body.title);

    const r = await call(risks.POST, { method: "POST", token: tokens.editor, body: riskBody() });
    const patched = await call(risk.PATCH, { method: "PATCH", token: tokens.editor, params: { id: r.body.id }, body: { version: r.body.version, title: long(5000) } });
    expect(patched.status).toBe(400);
    expect(patched.body.issues).toContainEqual({ path: "title", message: "Must be at most 120 characters" });
  });
});
