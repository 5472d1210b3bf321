import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as pagerduty from "@/app/api/v1/integrations/pagerduty/route";
import * as integrations from "@/app/api/v1/integrations/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";

const SECRET = "whsec_0123456789abcdefghijklmnopqrstuv";
let tokens: Tokens;
let slug: string;
let before: { secretConfigured: boolean; services: Record<string, string> };
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  slug = await makeService(tokens.editor, tokens.admin);
  const read = await call(integrations.GET, { token: tokens.admin });
  before = read.body.pagerduty;
  if (before.secretConfigured) throw new Error("this file sets the PagerDuty secret and removes it afterwards: it expects none to begin with");
  const set = await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { pagerduty: { secret: SECRET, services: { PF9KMXH: slug } }, version: read.body.version } });
  if (set.status !== 200) throw new Error(JSON.stringify(set.body));
});
// The integration settings as this file found them: no secret, the mapping it had.
afterAll(async () => {
  const now = await call(integrations.GET, { token: tokens.admin });
  await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { pagerduty: { secret: null, services: before.services }, version: now.body.version } });
});

/** A v3 webhook delivery as PagerDuty sends it: the raw body and its signature. */
const deliver = (event: Record<string, unknown>, secret: string | null = SECRET) => {
  const raw = JSON.stringify({ event });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret) headers["x-pagerduty-signature"] = `v1=${createHmac("sha256", "rotated-old-secret").update(raw).digest("hex")},v1=${createHmac("sha256", secret).update(raw).digest("hex")}`;
  return call(pagerduty.POST as never, { method: "POST", rawBody: raw, headers, path: "/api/v1/integrations/pagerduty" });
};
const incidentData = (id: string, service = "PF9KMXH") => ({
  id, type: "incident", self: `https://api.pagerduty.com/incidents/${id}`, html_url: `https://acme.pagerduty.com/incidents/${id}`, number: 2, status: "triggered",
  incident_key: "d3640fbd41094207a1c11e58e46b1662", created_at: "2026-11-25T18:45:22Z", title: "Checkout error rate above 5 %",
  service: { html_url: "https://acme.pagerduty.com/services/PF9KMXH", id: service, self: "https://api.pagerduty.com/services/PF9KMXH", summary: "Checkout", type: "service_reference" },
  assignees: [], escalation_policy: { id: "PUS0KTE", type: "escalation_policy_reference" }, teams: [], priority: { id: "PSO75BM", summary: "P1", type: "priority_reference" }, urgency: "high", conference_bridge: null, resolve_reason: null,
});
const event = (type: string, data: Record<string, unknown>, occurredAt: string) => ({ id: unique("01DEN"), event_type: type, resource_type: "incident", occurred_at: occurredAt, agent: null, client: null, data });

describe("PagerDuty webhook", () => {
  it("checks the signature of the raw body: a bad or missing one is a 401 and writes nothing", async () => {
    const before = await prisma.incident.count();
    const e = event("incident.triggered", incidentData(unique("Q")), "2026-11-25T18:45:22Z");
    expect((await deliver(e, "not-the-secret")).status).toBe(401);
    expect((await deliver(e, null)).status).toBe(401);
    expect(await prisma.incident.count()).toBe(before);
    expect(await prisma.integrationEvent.count({ where: { eventId: e.id } })).toBe(0);
  });

  it("triggered opens, acknowledged and resolved set their milestones, notes and status updates land on the timeline; each event once", async () => {
    const pd = unique("Q").toUpperCase();
    const triggered = event("incident.triggered", incidentData(pd), "2026-11-25T18:45:22Z");
    const opened = await deliver(triggered);
    expect(opened.status).toBe(200);
    expect(opened.body.changed).toBe(true);
    expect((await deliver(triggered)).body.changed).toBe(false);
    const id = opened.body.incident.id as string;
    for (const e of [
      event("incident.acknowledged", incidentData(pd), "2026-11-25T18:50:00Z"),
      event("incident.annotated", { incident: { id: pd, type: "incident_reference" }, id: "PWL7QXS", type: "incident_note", content: "Rolled back deploy 4312" }, "2026-11-25T18:55:00Z"),
      event("incident.status_update_published", { incident: { id: pd, type: "incident_reference" }, id: "PXXX", message: "Error rate back under 1 %" }, "2026-11-25T19:00:00Z"),
      event("incident.resolved", incidentData(pd), "2026-11-25T19:05:00Z"),
    ]) {
      const res = await deliver(e);
      expect(res.status, e.event_type).toBe(200);
      expect(res.body.changed).toBe(true);
      expect((await deliver(e)).body.changed).toBe(false);
    }
    const got = (await call(incident.GET, { token: tokens.viewer, params: { id } })).body;
    expect(got).toMatchObject({ source: "pagerduty", externalId: pd, severity: "SEV1", status: "resolved", startedAt: "2026-11-25T18:45:22.000Z", acknowledgedAt: "2026-11-25T18:50:00.000Z", resolvedAt: "2026-11-25T19:05:00.000Z", impacts: [{ service: slug, fraction: 1 }] });
    const messages = got.timeline.map((e: { message: string }) => e.message);
    expect(messages).toEqual(expect.arrayContaining(["Rolled back deploy 4312", "Error rate back under 1 %"]));
    expect(messages.filter((m: string) => m === "Rolled back deploy 4312")).toHaveLength(1);
  });

  it("an unmapped PagerDuty service is reported and writes nothing; the secret is never shown, and its change is audited as such", async () => {
    const before = await prisma.incident.count();
    const res = await deliver(event("incident.triggered", incidentData(unique("Q"), "PNOTMAPPED"), "2026-11-25T18:45:22Z"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ incident: null, changed: false, ignored: expect.stringContaining("PNOTMAPPED") });
    expect(await prisma.incident.count()).toBe(before);
    const read = await call(integrations.GET, { token: tokens.admin });
    expect(read.body.pagerduty).toEqual({ secretConfigured: true, services: { PF9KMXH: slug } });
    expect(JSON.stringify(read.body)).not.toContain(SECRET);
    expect((await call(integrations.GET, { token: tokens.editor })).status).toBe(403);
    const bad = await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { pagerduty: { services: { PF9KMXH: "no-such-service" } }, version: read.body.version } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe("pagerduty.services.PF9KMXH");
    const trail = await call(audit.GET, { token: tokens.admin, path: "/x?entityType=integrations" });
    expect(JSON.stringify(trail.body)).not.toContain(SECRET);
    expect(JSON.stringify(trail.body)).toContain('"pagerdutySecret":"replaced"');
  });

  it("a delivery that fails part-way leaves neither its change nor its processed mark, so the redelivery applies it once", async () => {
    const pd = unique("Q").toUpperCase();
    const opened = await deliver(event("incident.triggered", incidentData(pd), "2026-11-25T18:45:22Z"));
    const id = opened.body.incident.id as string;
    const note = unique("Paged the database team");
    const annotated = event("incident.annotated", { incident: { id: pd, type: "incident_reference" }, id: "PWL7QXT", type: "incident_note", content: note }, "2026-11-25T18:55:00Z");
    // PostgreSQL itself refuses this one entry, as a failing disk would, and refuses to take back
    // any processed mark meanwhile, as a database gone between two statements would: a mark written
    // apart from its change would then stay, and the event be lost.
    const fn = `fail_${unique("t").replace(/\W/g, "_")}`;
    await prisma.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' OR NEW.message = '${note}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "TimelineEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE DELETE ON "IntegrationEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      expect((await deliver(annotated)).status).toBe(500);
      expect(await prisma.integrationEvent.count({ where: { source: "pagerduty", eventId: annotated.id } })).toBe(0);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "TimelineEvent"`);
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "IntegrationEvent"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const again = await deliver(annotated);
    expect(again.body).toMatchObject({ changed: true, incident: { id } });
    expect((await deliver(annotated)).body.changed).toBe(false);
    const got = (await call(incident.GET, { token: tokens.viewer, params: { id } })).body;
    expect(got.timeline.filter((e: { message: string }) => e.message === note)).toHaveLength(1);
  });
});
