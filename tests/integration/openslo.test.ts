import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import * as openslo from "@/app/api/v1/openslo/route";
import * as datasources from "@/app/api/v1/datasources/route";
import * as probes from "@/app/api/v1/services/[slug]/probes/route";
import * as service from "@/app/api/v1/services/[slug]/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { timeZoneForFile } from "../support/settings";
import { makeService } from "../support/incidents";

let tokens: Tokens;
let inherited: string;
let own: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  inherited = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
  own = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, sloWindow: "quarter" });
  const read = await call(service.GET, { token: tokens.viewer, params: { slug: own } });
  await call(service.PATCH, { method: "PATCH", token: tokens.editor, params: { slug: own }, body: { sloTarget: 0.9995, sloWindow: "rolling:28d", maintenance: "exclude", version: read.body.version } });
});
// Every figure below is cut in this zone; the zone the file found is put back after it.
timeZoneForFile("Europe/Berlin", () => tokens.admin);

/** A service's own objective, as stored on its SLO from the incident record. */
const objective = (slug: string) => prisma.slo.findFirstOrThrow({ where: { service: { slug }, name: "availability" }, select: { target: true, window: true, maintenanceRule: true } });
const importYaml = (yaml: string, dryRun: boolean, token = tokens.editor) => call(openslo.POST, { method: "POST", token, rawBody: yaml, headers: { "content-type": "application/yaml" }, path: `/api/v1/openslo?dryRun=${dryRun}` });
const exportYaml = async () => (await call(openslo.GET, { token: tokens.viewer, path: "/api/v1/openslo" })).body as string;

describe("OpenSLO", () => {
  it("exports each service as a Service and an SLO document, with the window in the organisation's zone", async () => {
    const docs = parseAllDocuments(await exportYaml()).map((d) => d.toJS());
    const slo = docs.find((d) => d.kind === "SLO" && d.spec.service === own);
    expect(slo).toMatchObject({ apiVersion: "openslo/v1", metadata: { annotations: { "nines.dev/maintenance": "exclude" } }, spec: { timeWindow: [{ duration: "28d", isRolling: true }], objectives: [{ target: 0.9995 }] } });
    const month = docs.find((d) => d.kind === "SLO" && d.spec.service === inherited);
    expect(month.spec.timeWindow[0]).toEqual({ duration: "1M", isRolling: false, calendar: { startTime: "2024-01-01 00:00:00", timeZone: "Europe/Berlin" } });
    expect(docs.find((d) => d.kind === "Service" && d.metadata.name === own)).toBeTruthy();
  });

  it("exports the SLI each SLO names, so every indicatorRef resolves in the same file", async () => {
    const docs = parseAllDocuments(await exportYaml()).map((d) => d.toJS());
    const slis = new Map(docs.filter((d) => d.kind === "SLI").map((d) => [d.metadata.name, d]));
    const slos = docs.filter((d) => d.kind === "SLO");
    expect(slos.length).toBeGreaterThan(1);
    for (const slo of slos) expect(slis.has(slo.spec.indicatorRef), `${slo.metadata.name} names ${slo.spec.indicatorRef}`).toBe(true);
    const mine = slos.find((d) => d.spec.service === own);
    expect(slis.get(mine.spec.indicatorRef).spec).toMatchObject({ thresholdMetric: { metricSource: { type: "Nines", spec: { source: "incidents" } } } });
    expect(mine.metadata.annotations["nines.dev/tier"]).toMatch(/^\d+$/);
  });

  it("export then import changes nothing", async () => {
    const yaml = await exportYaml();
    const before = await prisma.service.findMany({ orderBy: { slug: "asc" }, select: { slug: true, version: true, slos: { select: { target: true, window: true, maintenanceRule: true, version: true } } } });
    expect((await importYaml(yaml, true)).body).toMatchObject({ changes: [], errors: [] });
    expect((await importYaml(yaml, false)).body).toMatchObject({ applied: true, changes: [] });
    expect(await prisma.service.findMany({ orderBy: { slug: "asc" }, select: { slug: true, version: true, slos: { select: { target: true, window: true, maintenanceRule: true, version: true } } } })).toEqual(before);
  });

  it("a dry run lists the changes; an apply makes them, or with one bad document none of them", async () => {
    // The same export with this service's SLO changed (other services' documents left as they are).
    const docs = parseAllDocuments(await exportYaml()).map((d) => d.toJS());
    const mine = docs.find((d) => d.kind === "SLO" && d.spec.service === own);
    mine.spec.objectives[0].target = 0.99975;
    mine.spec.timeWindow[0].duration = "14d";
    const yaml = docs.map((d) => stringify(d)).join("---\n");
    const dry = await importYaml(yaml, true);
    expect(dry.body.changes).toEqual([
      { service: own, field: "sloTarget", from: 0.9995, to: 0.99975 },
      { service: own, field: "sloWindow", from: "rolling:28d", to: "rolling:14d" },
    ]);
    expect(await objective(own)).toEqual({ target: 0.9995, window: "rolling:28d", maintenanceRule: "exclude" });
    const broken = `${yaml}---\napiVersion: openslo/v1\nkind: SLO\nmetadata: { name: x }\nspec: { service: ${inherited}, timeWindow: [{ duration: 2w, isRolling: false }], objectives: [{ target: 1.5 }] }\n`;
    const refused = await importYaml(broken, false);
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^documents\.\d+\.spec\.objectives\.0\.target$/), expect.stringMatching(/^documents\.\d+\.spec\.timeWindow\.0$/)]));
    expect(await objective(own)).toEqual({ target: 0.9995, window: "rolling:28d", maintenanceRule: "exclude" });
    expect((await importYaml(yaml, false, tokens.viewer)).status).toBe(403);
    const applied = await importYaml(yaml, false);
    expect(applied.body).toMatchObject({ applied: true });
    expect(await objective(own)).toEqual({ target: 0.99975, window: "rolling:14d", maintenanceRule: "exclude" });
  });
});

// The example shapes (tests/fixtures/openslo), with each test's own service slugs.
const fixture = (file: string, slugs: Record<string, string>) =>
  Object.entries(slugs).reduce((text, [from, to]) => text.replaceAll(`: ${from}\n`, `: ${to}\n`).replaceAll(`${from}-`, `${to}-`), readFileSync(join(__dirname, "../fixtures/openslo", file), "utf8"));
const serviceRow = (slug: string) => prisma.service.findUnique({ where: { slug }, select: { version: true, tier: { select: { rank: true } }, slos: { select: { target: true, window: true, maintenanceRule: true, version: true } } } });

describe("OpenSLO documents in the shapes of the project's examples", () => {
  it("a probe's objective becomes an SLO of its own once the service probes that URL; export then import changes nothing", async () => {
    const billing = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
    const before = await serviceRow(billing);
    const yaml = fixture("nines-sources.yaml", { billing });
    const dry = await importYaml(yaml, true);
    expect(dry.status).toBe(200);
    expect(dry.body.changes).toEqual([
      { service: billing, field: "sloTarget", from: 0.999, to: 0.9995 },
      { service: billing, field: "sloWindow", from: "month", to: "quarter" },
      { service: billing, field: "maintenance", from: "count", to: "exclude" },
    ]);
    expect(dry.body.errors).toEqual([{ document: 3, path: "spec.objectives.0", message: expect.stringContaining("has no probe of that URL") }]);
    const refused = await importYaml(yaml, false);
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([{ path: "documents.3.spec.objectives.0", message: expect.stringContaining("measured by the probe of https://billing.example/health") }]);
    expect(await serviceRow(billing)).toEqual(before);

    const probe = await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug: billing }, body: { url: "https://billing.example/health", intervalSeconds: 60, enabled: false } });
    const applied = await importYaml(yaml, false);
    expect(applied.status).toBe(200);
    expect(applied.body.sloCreates).toEqual([{ service: billing, name: "health", description: "", sli: { source: "probe", probe: probe.body.id, kind: "latency", thresholdMs: 300 }, budgeting: { method: "occurrences" }, target: 0.99, window: "rolling:28d", maintenance: null }]);
    expect(await prisma.slo.findMany({ where: { service: { slug: billing } }, orderBy: { createdAt: "asc" }, select: { name: true, target: true, window: true, maintenanceRule: true } })).toEqual([
      { name: "availability", target: 0.9995, window: "quarter", maintenanceRule: "exclude" },
      { name: "health", target: 0.99, window: "rolling:28d", maintenanceRule: null },
    ]);
    // Its export: the probe SLO with its SLI, which an import reads back as no change.
    const mine = (await exportYaml()).split("---\n").filter((d) => d.includes(billing)).join("---\n");
    const docs = parseAllDocuments(mine).map((d) => d.toJS());
    const health = docs.find((d) => d.kind === "SLO" && d.metadata.name === `${billing}-health`);
    expect(docs.find((d) => d.kind === "SLI" && d.metadata.name === health.spec.indicatorRef).spec.thresholdMetric.metricSource).toEqual({ type: "Nines", spec: { source: "probe", url: "https://billing.example/health", kind: "latency", thresholdMs: 300 } });
    expect((await importYaml(mine, true)).body).toMatchObject({ changes: [], creates: [], sloChanges: [], sloCreates: [], errors: [] });
  });

  it("a latency SLO with two objectives on a referenced SLI becomes two SLOs from Prometheus, and changes no service's target", async () => {
    const search = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
    const before = await serviceRow(search);
    const ds = unique("eu-prometheus");
    // Its calendar is in UTC, and this file's organisation cuts months in Berlin: said, not shifted.
    const utc = await importYaml(fixture("latency-threshold.yaml", { search, "prom-eu": ds }), true);
    expect(utc.body.errors).toEqual([{ document: 3, path: "spec.timeWindow.0.calendar.timeZone", message: "Calendar windows are cut in the organisation's zone, Europe/Berlin; this one is in UTC" }]);
    const yaml = fixture("latency-threshold.yaml", { search, "prom-eu": ds }).replace("timeZone: UTC", "timeZone: Europe/Berlin");
    // The datasource it names is not registered yet: named, nothing written.
    expect((await importYaml(yaml, true)).body.errors.map((e: { document: number; path: string; message: string }) => [e.document, e.path, e.message.includes("which Nines does not have")])).toEqual([[3, "spec.objectives.0", true], [3, "spec.objectives.1", true]]);
    expect((await importYaml(yaml, false)).status).toBe(400);
    // Registered (a server that is away: the SLOs are made, and show as unknown until data arrives).
    const made = await call(datasources.POST, { method: "POST", token: tokens.admin, body: { name: ds, type: "prometheus", url: "http://127.0.0.1:9" } });
    expect(made.status).toBe(201);
    const applied = await importYaml(yaml, false);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ changes: [], errors: [] });
    expect(applied.body.sloCreates.map((c: { name: string; sli: { kind: string; datasource: { name: string } } }) => [c.name, c.sli.kind, c.sli.datasource.name])).toEqual([["latency-under-500-ms", "threshold", ds], ["latency-under-2-s", "threshold", ds]]);
    expect(await serviceRow(search)).toMatchObject({ version: before?.version, slos: expect.arrayContaining([expect.objectContaining({ target: null, window: null })]) });
    expect(await prisma.slo.count({ where: { service: { slug: search }, datasourceId: made.body.id } })).toBe(2);
    // Exported and imported again: the same SLOs, nothing to change.
    const mine = (await exportYaml()).split("---\n").filter((d) => d.includes(search)).join("---\n");
    expect((await importYaml(mine, true)).body).toMatchObject({ changes: [], creates: [], sloChanges: [], sloCreates: [], errors: [] });
  });

  it("names a metric source it cannot read and an SLI that is not there, by document and field", async () => {
    const api = await makeService(tokens.editor, tokens.admin);
    const dry = await importYaml(fixture("raw-and-unsupported.yaml", { api }), true);
    expect(dry.body.errors.map((e: { document: number; path: string }) => [e.document, e.path])).toEqual([
      [1, "spec.objectives.0"],
      [2, "spec.indicator.spec.thresholdMetric.metricSource.type"],
      [3, "spec.indicatorRef"],
    ]);
  });

  it("?createServices=true creates the services the documents name, in the tier they name, and audits it", async () => {
    const rank = (await serviceRow(own))?.tier.rank as number;
    const slug = unique("created");
    const yaml = `${fixture("ratio-occurrences.yaml", { "web-checkout": slug }).split("---\n")[0]}---\n${stringify({
      apiVersion: "openslo/v1",
      kind: "SLO",
      metadata: { name: `${slug}-availability`, annotations: { "nines.dev/tier": String(rank) } },
      spec: { service: slug, budgetingMethod: "Timeslices", indicator: { metadata: { name: "i" }, spec: { thresholdMetric: { metricSource: { type: "Nines", spec: { source: "incidents" } } } } }, timeWindow: [{ duration: "2w", isRolling: true }], objectives: [{ target: 0.98, timeSliceTarget: 1, timeSliceWindow: "1m" }] },
    })}`;
    const without = await importYaml(yaml, true);
    expect(without.body.errors).toEqual([expect.objectContaining({ document: 1, path: "metadata.name", message: `No service has the slug '${slug}' (?createServices=true creates it)` }), expect.objectContaining({ document: 2, path: "spec.service" })]);
    const path = `/api/v1/openslo?dryRun=false&createServices=true`;
    const applied = await call(openslo.POST, { method: "POST", token: tokens.editor, rawBody: yaml, headers: { "content-type": "application/yaml" }, path });
    expect(applied.status).toBe(200);
    expect(applied.body.creates).toEqual([{ service: slug, name: "Web checkout", description: "Checkout for the web shop", tier: rank, sloTarget: 0.98, sloWindow: "rolling:14d", maintenance: null }]);
    expect(await prisma.service.findUnique({ where: { slug }, select: { name: true, tier: { select: { rank: true } }, slos: { select: { name: true, target: true, window: true, maintenanceRule: true } } } })).toEqual({ name: "Web checkout", tier: { rank }, slos: [{ name: "availability", target: 0.98, window: "rolling:14d", maintenanceRule: null }] });
    const audit = await prisma.auditEvent.findFirst({ where: { entityType: "service", action: "create", after: { path: ["slug"], equals: slug } } });
    expect(audit).toBeTruthy();
    // Imported again: nothing to create, nothing to change.
    expect((await importYaml(yaml, true)).body).toMatchObject({ changes: [], creates: [], errors: [] });
  });
});
