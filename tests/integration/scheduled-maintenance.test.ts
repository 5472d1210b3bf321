import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { beforeAll, describe, expect, it } from "vitest";
import * as one from "@/app/api/v1/services/[slug]/availability/route";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as statusPage from "@/app/api/v1/status-page/route";
import * as statusJson from "@/app/status.json/route";
import * as feed from "@/app/status/feed.atom/route";
import * as metrics from "@/app/metrics/route";
import { statusSnapshot } from "@/lib/server/status-snapshot";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

// Maintenance entered ahead (docs/domain.md "Scheduled maintenance"): until it starts it counts
// nowhere and is not ongoing; between its planned start and end it is, with no one touching it.
// The status page is one per organisation: this file has a database of its own.
await ownDatabaseForFile();

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

const until = async (what: string, check: () => Promise<boolean>, tries = 100) => {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const list = async (query: string) => (await call(incidents.GET, { token: tokens.viewer, path: `/api/v1/incidents?${query}` })).body as { incidents: { reference: string; status: string; phase: string; ongoing: boolean }[]; total: number };
const refs = (page: { incidents: { reference: string }[] }) => page.incidents.map((i) => i.reference);
const summary = async (slug: string, query: string) => (await call(one.GET, { token: tokens.viewer, params: { slug }, path: `/api/v1/services/${slug}/availability?${query}` })).body;

async function ongoingGauge(slug: string): Promise<number> {
  const res = await call(metrics.GET as never, { token: tokens.viewer, path: "/metrics" });
  const families = parsePrometheusTextFormat(res.body as string) as { name: string; metrics: { value: string; labels?: Record<string, string> }[] }[];
  return Number(families.find((f) => f.name === "nines_ongoing_incidents")?.metrics.find((m) => m.labels?.service === slug)?.value ?? 0);
}

describe("scheduled maintenance", () => {
  it("nothing but planned maintenance is entered ahead; the error names the field", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const ahead = await logIncident(tokens.editor, { startedAt: iso(Date.now() + HOUR), impacts: [{ service: slug }] });
    expect(ahead.status).toBe(400);
    expect(ahead.body.issues[0]).toMatchObject({ path: "startedAt", message: expect.stringMatching(/only planned maintenance is entered ahead/) });
    const detected = await logIncident(tokens.editor, { startedAt: iso(Date.now() - HOUR), detectedAt: iso(Date.now() + HOUR), impacts: [{ service: slug }] });
    expect(detected.body.issues.map((i: { path: string }) => i.path)).toEqual(["detectedAt"]);
    const unplanned = await logIncident(tokens.editor, { status: "scheduled", startedAt: iso(Date.now() + HOUR), impacts: [{ service: slug }] });
    expect(unplanned.body.issues.map((i: { path: string }) => i.path)).toContain("status");
    expect((await list(`service=${slug}`)).total).toBe(0);
  });

  it("until it starts it counts nowhere, is not ongoing, and is listed as scheduled", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const asOf = iso(Date.now());
    const before = await summary(slug, `window=rolling:30d&asOf=${asOf}`);
    const start = Date.now() + 2 * HOUR;
    const made = await logIncident(tokens.editor, { title: unique("Database upgrade"), kind: "maintenance", startedAt: iso(start), resolvedAt: iso(start + 2 * HOUR), impacts: [{ service: slug }] });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: "scheduled", phase: "upcoming", ongoing: false });
    const ref = made.body.reference as string;

    expect(refs(await list(`service=${slug}&status=open`))).toEqual([]);
    expect(refs(await list(`service=${slug}&status=resolved`))).toEqual([]);
    expect(refs(await list(`service=${slug}&status=upcoming`))).toEqual([ref]);
    expect(await ongoingGauge(slug)).toBe(0);
    // The same question asked again: not one second of it counts yet.
    expect(await summary(slug, `window=rolling:30d&asOf=${asOf}`)).toEqual(before);
    const now = await summary(slug, "window=rolling:30d");
    expect(now.downtimeSeconds).toBe(0);
    expect(now.incidents).toEqual([]);
    // Asked as of an hour into the window, it counts that hour as maintenance.
    const during = await summary(slug, `window=rolling:30d&asOf=${iso(start + HOUR)}`);
    expect(during).toMatchObject({ downtimeSeconds: 3600, maintenanceSeconds: 3600, unplannedSeconds: 0 });

    // Moving the plan keeps it scheduled and announces no resolution.
    const moved = await call(incidentItem.PATCH, { method: "PATCH", token: tokens.editor, params: { id: ref }, body: { resolvedAt: iso(start + 3 * HOUR), version: made.body.version } });
    expect(moved.body).toMatchObject({ status: "scheduled", phase: "upcoming" });
    // Started early by a person: ongoing at once, until its planned end.
    const started = await call(incidentItem.PATCH, { method: "PATCH", token: tokens.editor, params: { id: ref }, body: { startedAt: iso(Date.now() - 1000), version: moved.body.version } });
    expect(started.body).toMatchObject({ status: "scheduled", phase: "ongoing", ongoing: true });
    expect(refs(await list(`service=${slug}&status=open`))).toEqual([ref]);
    expect(await ongoingGauge(slug)).toBe(1);
    // Finished early: "resolved" now ends it, before the planned end.
    const finished = await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "resolved" } });
    expect(finished.status).toBe(201);
    const after = (await call(incidentItem.GET, { token: tokens.viewer, params: { id: ref } })).body;
    expect(after).toMatchObject({ status: "resolved", phase: "over", ongoing: false });
    expect(Date.parse(after.resolvedAt)).toBeLessThanOrEqual(Date.now());
    expect(refs(await list(`service=${slug}&status=resolved`))).toEqual([ref]);
  });

  it("the status page lists it ahead, shows it in progress when the clock reaches its start, and in the history after its end", async () => {
    const [db, api] = [await makeService(tokens.editor, tokens.admin), await makeService(tokens.editor, tokens.admin)];
    const read = await call(statusPage.GET, { token: tokens.admin });
    const set = await call(statusPage.PATCH, { method: "PATCH", token: tokens.admin, body: { enabled: true, title: "Acme status", components: [{ name: "Database", services: [db] }, { name: "API", services: [api] }], version: read.body.version } });
    expect(set.status).toBe(200);

    const later = await logIncident(tokens.editor, { title: "internal: swap disks in rack 4", kind: "maintenance", startedAt: iso(Date.now() + 24 * HOUR), resolvedAt: iso(Date.now() + 26 * HOUR), impacts: [{ service: db }] });
    // A short window starting in a few seconds: nothing but the clock moves it.
    const soonStart = Date.now() + 3000;
    const soon = await logIncident(tokens.editor, { kind: "maintenance", startedAt: iso(soonStart), resolvedAt: iso(soonStart + 3000), publicTitle: "API upgrade", impacts: [{ service: api }] });
    expect([later.status, soon.status]).toEqual([201, 201]);

    await until("the snapshot to list both", async () => ((await statusSnapshot()).snapshot?.scheduled.length ?? 0) === 2);
    const ahead = (await call(statusJson.GET, { path: "/status.json" })).body;
    expect(ahead.state).toBe("operational");
    expect(ahead.ongoing).toEqual([]);
    expect(ahead.scheduled.map((i: { title: string }) => i.title)).toEqual(["API upgrade", "Maintenance on Database"]);
    expect(ahead.scheduled[1]).toMatchObject({ status: "scheduled", resolvedAt: null, plannedEnd: later.body.resolvedAt, components: ["Database"] });
    expect(JSON.stringify(ahead)).not.toContain("rack 4");
    const atom = (await call(feed.GET, { path: "/status/feed.atom" })).body as string;
    expect(atom).toContain("Scheduled maintenance: API upgrade");

    // No write happens at the start: the snapshot knows when the clock changes what it shows.
    await until("the API upgrade to be in progress", async () => (await statusSnapshot()).snapshot?.ongoing.some((i) => i.title === "API upgrade") ?? false, 80);
    const during = (await call(statusJson.GET, { path: "/status.json" })).body;
    expect(during.components.map((c: { name: string; state: string }) => [c.name, c.state])).toEqual([["Database", "operational"], ["API", "maintenance"]]);
    expect(during.state).toBe("maintenance");
    expect(during.scheduled.map((i: { title: string }) => i.title)).toEqual(["Maintenance on Database"]);
    expect(refs(await list(`service=${api}&status=open`))).toEqual([soon.body.reference]);

    await until("the API upgrade to be over", async () => (await statusSnapshot()).snapshot?.history.some((i) => i.title === "API upgrade") ?? false, 80);
    const over = (await call(statusJson.GET, { path: "/status.json" })).body;
    expect(over.state).toBe("operational");
    expect(over.ongoing).toEqual([]);
    expect(over.history[0]).toMatchObject({ title: "API upgrade", status: "scheduled", plannedEnd: null, resolvedAt: soon.body.resolvedAt });
    const item = (await call(incidentItem.GET, { token: tokens.viewer, params: { id: soon.body.reference } })).body;
    expect(item).toMatchObject({ status: "scheduled", phase: "over", ongoing: false });
    // It counted exactly its three seconds, as maintenance.
    const figures = await summary(api, "window=rolling:1d");
    expect(figures).toMatchObject({ downtimeSeconds: 3, maintenanceSeconds: 3, unplannedSeconds: 0 });
  });
});
