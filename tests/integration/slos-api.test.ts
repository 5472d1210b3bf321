import { beforeAll, describe, expect, it } from "vitest";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as probes from "@/app/api/v1/services/[slug]/probes/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as probeItem from "@/app/api/v1/probes/[id]/route";
import * as sloItem from "@/app/api/v1/slos/[id]/route";
import * as services from "@/app/api/v1/services/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { fleetOverview } from "@/lib/server/fleet-overview";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

const list = (slug: string, query = "") => call(slos.GET, { token: tokens.viewer, params: { slug }, path: `/api/v1/services/${slug}/slos${query}` });
const post = (slug: string, body: Record<string, unknown>, token = tokens.editor) => call(slos.POST, { method: "POST", token, params: { slug }, body });
const patch = (id: string, body: Record<string, unknown>) => call(sloItem.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body });
const service = async (slug: string) => (await call(serviceItem.GET, { token: tokens.viewer, params: { slug } })).body;
const addProbe = async (slug: string) => (await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: "http://127.0.0.1:9/health", intervalSeconds: 60, enabled: false } })).body.id as string;

describe("a service's SLOs", () => {
  it("every service has its own, from the incident record, with the objective the service shows", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
    const res = await list(slug);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, nextCursor: null });
    expect(res.body.slos[0]).toMatchObject({
      name: "availability", isServiceObjective: true, sli: { source: "incidents" }, budgeting: { method: "time" }, unit: "seconds",
      target: 0.999, window: "month", maintenance: "count", overrides: { target: null, window: null, maintenance: null }, service: { slug },
    });
  });

  it("the service's objective and its SLO's are one: an edit of either shows in both, and moves the service's version", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const before = await service(slug);
    const edited = await call(serviceItem.PATCH, { method: "PATCH", token: tokens.editor, params: { slug }, body: { sloTarget: 0.9995, version: before.version } });
    expect(edited.status).toBe(200);
    const own = (await list(slug)).body.slos[0];
    expect(own).toMatchObject({ target: 0.9995, overrides: { target: 0.9995 } });
    const changed = await patch(own.id, { window: "rolling:28d", maintenance: "exclude", version: own.version });
    expect(changed.status).toBe(200);
    const after = await service(slug);
    expect(after).toMatchObject({ sloTarget: 0.9995, sloWindow: "rolling:28d", maintenance: "exclude", version: edited.body.version + 1 });
    // A service edit based on the version before the SLO's edit is stale now.
    expect((await call(serviceItem.PATCH, { method: "PATCH", token: tokens.editor, params: { slug }, body: { name: "x", version: edited.body.version } })).status).toBe(409);
    expect((await patch(own.id, { name: "uptime", version: changed.body.version })).body.issues).toEqual([{ path: "name", message: "The service's own SLO, from its incident record, keeps its name" }]);
    expect((await call(sloItem.DELETE, { method: "DELETE", token: tokens.editor, params: { id: own.id } })).status).toBe(409);
  });

  it("adds SLOs from the incident record and from the service's probes, each named once", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const weekly = await post(slug, { name: "weekly", description: "The week, stricter", target: 0.9999, window: "week", sli: { source: "incidents" } });
    expect(weekly.status).toBe(201);
    expect(weekly.body).toMatchObject({ name: "weekly", isServiceObjective: false, target: 0.9999, window: "week", budgeting: { method: "time" }, unit: "seconds" });
    expect((await post(slug, { name: "weekly", sli: { source: "incidents" } })).status).toBe(409);
    expect((await post(slug, { name: "availability", sli: { source: "incidents" } })).status).toBe(409);

    const probe = await addProbe(slug);
    const fast = await post(slug, { name: "health-fast", sli: { source: "probe", probe, kind: "latency", thresholdMs: 300 }, budgeting: { method: "timeslices", slice: "5m", sliceTarget: 0.9 } });
    expect(fast.status).toBe(201);
    expect(fast.body).toMatchObject({ sli: { source: "probe", probe, kind: "latency", thresholdMs: 300 }, budgeting: { method: "timeslices", sliceSeconds: 300, sliceTarget: 0.9 }, unit: "slices" });
    const ok = await post(slug, { name: "health", sli: { source: "probe", probe, kind: "success" } });
    // The probe cannot go while SLOs measure by it.
    const gone = await call(probeItem.DELETE, { method: "DELETE", token: tokens.editor, params: { id: probe } });
    expect(gone.status).toBe(409);
    expect(gone.body.message).toMatch(/^SLO ('health-fast', 'health'|'health', 'health-fast') is measured by this probe: archive them first$/);
    expect(ok.body).toMatchObject({ budgeting: { method: "occurrences" }, unit: "events", sli: { thresholdMs: null } });
    const all = await list(slug);
    expect(all.body.total).toBe(4);
    expect(all.body.slos.map((s: { name: string }) => s.name)).toEqual(["availability", "weekly", "health-fast", "health"]);
    const page = await list(slug, "?limit=3");
    expect(page.body).toMatchObject({ total: 4 });
    expect(page.body.slos).toHaveLength(3);
    expect((await list(slug, `?limit=3&cursor=${page.body.nextCursor}`)).body.slos.map((s: { name: string }) => s.name)).toEqual(["health"]);
    expect((await list(slug, "?cursor=nonsense")).status).toBe(400);
  });

  it.each([
    ["a name with capitals", { name: "Weekly", sli: { source: "incidents" } }, "name"],
    ["a latency SLI without its threshold", { name: "x1", sli: { source: "probe", probe: "p", kind: "latency" } }, "sli.thresholdMs"],
    ["an SLI from nowhere", { name: "x2", sli: { source: "datadog" } }, "sli.source"],
    ["a target of 1", { name: "x3", target: 1, sli: { source: "incidents" } }, "target"],
    ["a slice that is not a length", { name: "x4", sli: { source: "probe", probe: "p", kind: "success" }, budgeting: { method: "timeslices", slice: "7s", sliceTarget: 1 } }, "budgeting.slice"],
  ])("refuses %s, naming the field", async (_, body, path) => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const res = await post(slug, body);
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect((await list(slug)).body.total).toBe(1);
  });

  it("refuses what the service cannot measure: another service's probe, a slice that does not divide a day, budgeting on the incident record", async () => {
    const [slug, other] = [await makeService(tokens.editor, tokens.admin), await makeService(tokens.editor, tokens.admin)];
    const theirs = await addProbe(other);
    const mine = await addProbe(slug);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "a1", sli: { source: "probe", probe: theirs, kind: "success" } }, "sli.probe"],
      [{ name: "a2", sli: { source: "probe", probe: "no-such-probe", kind: "success" } }, "sli.probe"],
      [{ name: "a3", sli: { source: "probe", probe: mine, kind: "success" }, budgeting: { method: "timeslices", slice: "7m", sliceTarget: 1 } }, "budgeting.slice"],
      [{ name: "a4", sli: { source: "incidents" }, budgeting: { method: "occurrences" } }, "budgeting"],
    ];
    for (const [body, path] of cases) {
      const res = await post(slug, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.issues).toEqual([{ path, message: expect.any(String) }]);
    }
    expect((await list(slug)).body.total).toBe(1);
  });

  it("archives an SLO on DELETE, lists it under ?archived=true, and audits each change", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const made = (await post(slug, { name: "quarterly", window: "quarter", sli: { source: "incidents" } })).body;
    const gone = await call(sloItem.DELETE, { method: "DELETE", token: tokens.editor, params: { id: made.id } });
    expect(gone.body).toMatchObject({ archived: true });
    expect((await list(slug)).body.total).toBe(1);
    expect((await list(slug, "?archived=true")).body.slos.map((s: { name: string }) => s.name)).toEqual(["quarterly"]);
    expect((await call(sloItem.GET, { token: tokens.viewer, params: { id: made.id } })).body).toMatchObject({ name: "quarterly", archived: true });
    const events = await prisma.auditEvent.findMany({ where: { entityType: "slo", entityId: made.id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["create", "archive"]);
    expect((await post(slug, { name: "x", sli: { source: "incidents" } }, tokens.viewer)).status).toBe(403);
    expect((await call(sloItem.GET, { token: tokens.viewer, params: { id: "no-such-slo" } })).status).toBe(404);
  });

  it("a service made through the API, or archived, keeps its SLO; an archived service takes no new ones", async () => {
    const slug = unique("svc");
    const made = await call(services.POST, { method: "POST", token: tokens.editor, body: { slug, name: slug, tier: 1, sloTarget: 0.95 } });
    expect(made.status).toBe(201);
    expect((await list(slug)).body.slos[0]).toMatchObject({ name: "availability", target: 0.95 });
    await call(serviceItem.DELETE, { method: "DELETE", token: tokens.editor, params: { slug } });
    expect((await post(slug, { name: "later", sli: { source: "incidents" } })).status).toBe(409);
  });

  it("the overview names a service's other SLOs and the most pressing of them", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.9, sloWindow: "month" });
    await logIncident(tokens.editor, { startedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(), resolvedAt: new Date(Date.now() - 3_600_000).toISOString(), impacts: [{ service: slug }] });
    await post(slug, { name: "lenient", target: 0.5, window: "week", sli: { source: "incidents" } });
    await post(slug, { name: "strict", target: 0.9999, window: "rolling:1d", sli: { source: "incidents" } });
    const row = (await fleetOverview({ q: slug, sort: "name", page: 1, perPage: 25 })).rows.find((r) => r.summary.service.slug === slug);
    expect(row?.otherSlos).toMatchObject({ total: 2, worst: { name: "strict", unit: "seconds" } });
    expect(row?.otherSlos.worst?.remainingRatio).toBeLessThan(0);
    const plain = await makeService(tokens.editor, tokens.admin);
    expect((await fleetOverview({ q: plain, sort: "name", page: 1, perPage: 25 })).rows[0]?.otherSlos).toEqual({ total: 0, worst: null });
  });
});
