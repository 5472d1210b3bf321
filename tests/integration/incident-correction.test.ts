import { beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as item from "@/app/api/v1/incidents/[id]/route";
import * as settings from "@/app/api/v1/settings/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { actorWithToken, tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { withSettings } from "../support/settings";

// Issue 19 item 1: an incident corrected after declaring, its roles, public updates, and every
// status change on the timeline.

let tokens: Tokens;
let svc: string;
let editor: { id: string; name: string };
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  svc = await makeService(tokens.editor, tokens.admin);
  const person = await actorWithToken("editor");
  editor = { id: person.actor.userId, name: person.actor.name };
});

type Entry = { type: string; message: string; data: Record<string, unknown> | null; author: string; public: boolean };

async function declare(body: Record<string, unknown> = {}) {
  const res = await logIncident(tokens.editor, { startedAt: new Date(Date.now() - 3_600_000).toISOString(), impacts: [{ service: svc }], ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; reference: string; version: number };
}

const patch = (id: string, body: Record<string, unknown>) => call(item.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body });
const read = async (id: string) => (await call(item.GET, { token: tokens.viewer, params: { id } })).body as { version: number; roles: unknown[]; status: string; timeline: Entry[] };

describe("correcting an incident", () => {
  it("writes severity, title and kind changes as entries of their own type, with who made them", async () => {
    const incident = await declare({ severity: "SEV3" });
    const res = await patch(incident.id, { version: 1, severity: "SEV1", title: "Checkout down everywhere", kind: "maintenance" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ severity: "SEV1", title: "Checkout down everywhere", kind: "maintenance", version: 2 });
    // One request, one instant: the three entries come in no particular order.
    const changes = (await read(incident.id)).timeline.filter((e) => e.type.endsWith("_change")).sort((a, b) => a.type.localeCompare(b.type));
    expect(changes.map((e) => [e.type, e.data])).toEqual([
      ["kind_change", { kind: "field", field: "kind", from: "unplanned", to: "maintenance" }],
      ["severity_change", { kind: "field", field: "severity", from: "SEV3", to: "SEV1" }],
      ["title_change", { kind: "field", field: "title", from: expect.stringMatching(/^incident-/), to: "Checkout down everywhere" }],
    ]);
    expect(changes.every((e) => e.author === "Test editor" && e.message === "" && !e.public)).toBe(true);
    // Lowering is the same entry type; the data says which way.
    await patch(incident.id, { version: 2, severity: "SEV4" });
    expect((await read(incident.id)).timeline.filter((e) => e.type === "severity_change").at(-1)?.data).toEqual({ kind: "field", field: "severity", from: "SEV1", to: "SEV4" });
  });

  it("refuses a stale version with who changed it, and writes nothing", async () => {
    const incident = await declare();
    await patch(incident.id, { version: 1, severity: "SEV1" });
    const stale = await patch(incident.id, { version: 1, severity: "SEV3" });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, changedBy: expect.any(String) });
    expect((await read(incident.id)).timeline.filter((e) => e.type === "severity_change")).toHaveLength(1);
  });
});

describe("status changes on the timeline", () => {
  it("records the status a milestone moves, beside the milestone", async () => {
    const incident = await declare();
    const at = new Date().toISOString();
    const res = await call(events.POST, { method: "POST", token: tokens.editor, params: { id: incident.id }, body: { type: "mitigated", at } });
    expect(res.status).toBe(201);
    const detail = await read(incident.id);
    expect(detail.status).toBe("monitoring");
    const status = detail.timeline.find((e) => e.type === "status_change");
    expect(status).toMatchObject({ data: { kind: "status", from: "investigating", to: "monitoring" }, author: "Test editor" });
    // Resolving then moves it again: a second entry.
    await call(events.POST, { method: "POST", token: tokens.editor, params: { id: incident.id }, body: { type: "resolved" } });
    expect((await read(incident.id)).timeline.filter((e) => e.type === "status_change").map((e) => e.data?.to)).toEqual(["monitoring", "resolved"]);
  });

  it("writes no status entry for a milestone that leaves the status as it is", async () => {
    const incident = await declare();
    await call(events.POST, { method: "POST", token: tokens.editor, params: { id: incident.id }, body: { type: "acknowledged" } });
    expect((await read(incident.id)).timeline.filter((e) => e.type === "status_change")).toEqual([]);
  });
});

describe("public updates", () => {
  it("are internal unless marked public, and say so in the entry", async () => {
    const incident = await declare();
    const internal = await call(events.POST, { method: "POST", token: tokens.editor, params: { id: incident.id }, body: { type: "update", message: "Looking at the load balancer" } });
    const shared = await call(events.POST, { method: "POST", token: tokens.editor, params: { id: incident.id }, body: { type: "update", message: "Checkout is slow; we are on it", public: true } });
    expect([internal.status, shared.status]).toEqual([201, 201]);
    expect(internal.body.public).toBe(false);
    expect(shared.body.public).toBe(true);
    const typed = (await read(incident.id)).timeline.filter((e) => e.message !== "");
    expect(typed.map((e) => [e.message, e.public])).toEqual([["Looking at the load balancer", false], ["Checkout is slow; we are on it", true]]);
  });

  it("refuses a public flag that is not a boolean, naming it", async () => {
    const incident = await declare();
    const res = await call(events.POST, { method: "POST", token: tokens.editor, params: { id: incident.id }, body: { type: "update", message: "x", public: "yes" } });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(["public"]);
  });
});

describe("incident roles", () => {
  it("assigns a user and a typed name, hands over, clears, each on the timeline", async () => {
    const incident = await declare();
    const assigned = await patch(incident.id, { version: 1, roles: { commander: { user: editor.id }, scribe: { name: "Grace (contractor)" } } });
    expect(assigned.status).toBe(200);
    expect(assigned.body.roles).toEqual([
      { role: "commander", user: editor, name: editor.name },
      { role: "scribe", user: null, name: "Grace (contractor)" },
    ]);
    expect(assigned.body.version).toBe(2);
    const handed = await patch(incident.id, { version: 2, roles: { commander: { name: "Ada Lovelace" }, scribe: null } });
    expect(handed.status).toBe(200);
    expect(handed.body.roles).toEqual([{ role: "commander", user: null, name: "Ada Lovelace" }]);
    // Naming the same holder again changes nothing on the timeline.
    await patch(incident.id, { version: 3, roles: { commander: { name: "Ada Lovelace" } } });
    const roles = (await read(incident.id)).timeline.filter((e) => e.type === "role_change").map((e) => e.data);
    expect(roles).toEqual([
      { kind: "role", role: "commander", from: null, to: { user: editor.id, name: editor.name } },
      { kind: "role", role: "scribe", from: null, to: { user: null, name: "Grace (contractor)" } },
      { kind: "role", role: "commander", from: { user: editor.id, name: editor.name }, to: { user: null, name: "Ada Lovelace" } },
      { kind: "role", role: "scribe", from: { user: null, name: "Grace (contractor)" }, to: null },
    ]);
  });

  it.each([
    [{ pilot: { name: "Someone" } }, "roles.pilot"],
    [{ commander: { user: "no-such-user" } }, "roles.commander.user"],
    [{ commander: { user: "x", name: "y" } }, "roles.commander"],
    [{ commander: {} }, "roles.commander"],
    [{ commander: { name: "" } }, "roles.commander.name"],
    [{ commander: "Ada" }, "roles.commander"],
  ])("refuses %j naming %s, and writes nothing", async (roles, field) => {
    const incident = await declare();
    const res = await patch(incident.id, { version: 1, roles });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    const after = await read(incident.id);
    expect([after.version, after.roles, after.timeline.filter((e) => e.type === "role_change")]).toEqual([1, [], []]);
  });

  it("refuses a disabled account as a holder", async () => {
    const incident = await declare();
    const gone = await prisma.user.create({ data: { email: `${unique("gone")}@example.test`, name: "Gone", role: "viewer", passwordHash: "x", disabledAt: new Date() } });
    const res = await patch(incident.id, { version: 1, roles: { commander: { user: gone.id } } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "roles.commander.user", message: "Gone's account is disabled" }]);
  });

  it("takes the roles an admin lists in the settings, and lets a role no longer listed be cleared", async () => {
    const incident = await declare();
    await patch(incident.id, { version: 1, roles: { scribe: { name: "Grace" } } });
    await withSettings(tokens.admin, { incidentRoles: ["commander", "tech_lead"] }, async () => {
      const got = await call(settings.GET, { token: tokens.viewer });
      expect(got.body.incidentRoles).toEqual(["commander", "tech_lead"]);
      expect((await patch(incident.id, { version: 2, roles: { tech_lead: { name: "Linus" } } })).status).toBe(200);
      const refused = await patch(incident.id, { version: 3, roles: { scribe: { name: "Someone else" } } });
      expect(refused.status).toBe(400);
      expect(refused.body.issues[0].message).toBe("Not an incident role: the roles are commander, tech_lead");
      const cleared = await patch(incident.id, { version: 3, roles: { scribe: null } });
      expect(cleared.status).toBe(200);
      expect(cleared.body.roles).toEqual([{ role: "tech_lead", user: null, name: "Linus" }]);
    });
  });

  it("refuses incident roles that are not lowercase words or are listed twice, naming the entry", async () => {
    const current = await call(settings.GET, { token: tokens.admin });
    for (const [roles, path] of [[["Commander"], "incidentRoles.0"], [["scribe", "scribe"], "incidentRoles.1"], [[""], "incidentRoles.0"]] as const) {
      const res = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { incidentRoles: roles, version: current.body.version } });
      expect(res.status).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual([path]);
    }
    expect((await call(settings.PATCH, { method: "PATCH", token: tokens.editor, body: { incidentRoles: ["x"], version: current.body.version } })).status).toBe(403);
  });

  it("records a roles change in the audit trail with the incident as it was and is", async () => {
    const incident = await declare();
    await patch(incident.id, { version: 1, roles: { communications: { name: "Pat" } } });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "incident", entityId: incident.id, action: "update" }, orderBy: { at: "desc" } });
    expect(audit.before).toMatchObject({ roles: [] });
    expect(audit.after).toMatchObject({ roles: [{ role: "communications", user: null, name: "Pat" }] });
  });
});
