import { parseAllDocuments, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import * as openslo from "@/app/api/v1/openslo/route";
import * as service from "@/app/api/v1/services/[slug]/route";
import { prisma } from "@/lib/server/db";
import { call } from "../support/api";
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

  it("export then import changes nothing", async () => {
    const yaml = await exportYaml();
    const before = await prisma.service.findMany({ orderBy: { slug: "asc" }, select: { slug: true, sloTarget: true, sloWindow: true, maintenanceRule: true, version: true } });
    expect((await importYaml(yaml, true)).body).toMatchObject({ changes: [], errors: [] });
    expect((await importYaml(yaml, false)).body).toMatchObject({ applied: true, changes: [] });
    expect(await prisma.service.findMany({ orderBy: { slug: "asc" }, select: { slug: true, sloTarget: true, sloWindow: true, maintenanceRule: true, version: true } })).toEqual(before);
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
    expect(await prisma.service.findUniqueOrThrow({ where: { slug: own }, select: { sloTarget: true } })).toEqual({ sloTarget: 0.9995 });
    const broken = `${yaml}---\napiVersion: openslo/v1\nkind: SLO\nmetadata: { name: x }\nspec: { service: ${inherited}, timeWindow: [{ duration: 2w, isRolling: false }], objectives: [{ target: 1.5 }] }\n`;
    const refused = await importYaml(broken, false);
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^documents\.\d+\.spec\.objectives\.0\.target$/), expect.stringMatching(/^documents\.\d+\.spec\.timeWindow\.0$/)]));
    expect(await prisma.service.findUniqueOrThrow({ where: { slug: own }, select: { sloTarget: true } })).toEqual({ sloTarget: 0.9995 });
    expect((await importYaml(yaml, false, tokens.viewer)).status).toBe(403);
    const applied = await importYaml(yaml, false);
    expect(applied.body).toMatchObject({ applied: true });
    expect(await prisma.service.findUniqueOrThrow({ where: { slug: own }, select: { sloTarget: true, sloWindow: true } })).toEqual({ sloTarget: 0.99975, sloWindow: "rolling:14d" });
  });
});
