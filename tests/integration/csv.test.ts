import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/incidents/import/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as services from "@/app/api/v1/services/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

let tokens: Tokens;
let a: string;
let b: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  [a, b] = [await makeService(tokens.editor, tokens.admin), await makeService(tokens.editor, tokens.admin)];
});

const upload = (csv: string, dryRun: boolean, token = tokens.editor) => call(importRoute.POST, { method: "POST", token, rawBody: csv, headers: { "content-type": "text/csv" }, path: `/api/v1/incidents/import?dryRun=${dryRun}` });
const HEADER = "title,severity,kind,started_at,detected_at,resolved_at,services,summary,external_id";

describe("CSV exports and imports", () => {
  it("exports incidents with their impacts, and services with their SLOs", async () => {
    const title = unique("=cmd|' /C calc'!A0");
    await logIncident(tokens.editor, { title, startedAt: "2026-10-01T10:00:00Z", resolvedAt: "2026-10-01T10:30:00Z", impacts: [{ service: a }, { service: b, fraction: 0.4 }] });
    const res = await call(incidents.GET, { token: tokens.viewer, path: `/x?service=${b}&format=csv` });
    expect(res.headers.get("content-type")).toContain("text/csv");
    const [header, row] = (res.body as string).trim().split("\r\n");
    expect(header).toBe("reference,title,severity,kind,status,started_at,detected_at,acknowledged_at,mitigated_at,resolved_at,services,summary,root_cause,external_id");
    expect(row).toContain(`${[a, b].sort().map((s) => (s === b ? `${s}:0.4` : s)).join(";")}`);
    expect(row).toContain("'=cmd"); // a formula is never handed to a spreadsheet as one
    const svc = await call(services.GET, { token: tokens.viewer, path: "/x?format=csv" });
    expect((svc.body as string).split("\r\n")[0]).toContain("slug,name,tier_rank");
    expect(svc.body as string).toContain(`${a},`);
  });

  it("a dry run names each bad row's line and column; an apply with one bad row writes nothing", async () => {
    const ext = unique("ext");
    const csv = [
      HEADER,
      `Good one,SEV2,unplanned,2026-10-02T10:00:00Z,2026-10-02T10:05:00Z,2026-10-02T10:45:00Z,${a};${b}:0.5,"Disk full, then failover",${ext}-1`,
      `Bad time,SEV2,unplanned,not a time,,,${a},,${ext}-2`,
      `Unknown service,SEV9,unplanned,2026-10-03T10:00:00Z,,,no-such-service,,${ext}-3`,
      `Ends before it starts,SEV3,unplanned,2026-10-04T10:00:00Z,,2026-10-04T09:00:00Z,${a},,${ext}-4`,
    ].join("\n");
    const before = await prisma.incident.count();
    const dry = await upload(csv, true);
    expect(dry.status).toBe(200);
    expect(dry.body.rows).toBe(4);
    const problems = dry.body.errors.map((e: { line: number; column: string }) => `${e.line} ${e.column}`);
    expect(problems).toEqual(expect.arrayContaining(["3 started_at", "4 severity", "5 resolved_at"]));
    expect(problems.some((p: string) => p.startsWith("2 "))).toBe(false);
    const refused = await upload(csv, false);
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["line 3, started_at", "line 4, severity"]));
    expect(await prisma.incident.count()).toBe(before);
  });

  it("an apply writes every good row in one go; importing the same rows again is refused", async () => {
    const ext = unique("ext");
    const csv = [HEADER, `One,SEV2,,2026-10-05T10:00:00Z,,2026-10-05T10:20:00Z,${a},,${ext}-1`, `Two,SEV3,maintenance,2026-10-06T02:00:00Z,,2026-10-06T03:00:00Z,${b},,${ext}-2`].join("\n");
    const res = await upload(csv, false);
    expect(res.status).toBe(200);
    expect(res.body.created.map((c: { line: number }) => c.line)).toEqual([2, 3]);
    expect(await prisma.incident.count({ where: { source: "csv", externalId: { startsWith: ext } } })).toBe(2);
    const again = await upload(csv, true);
    expect(again.body.errors.map((e: { column: string }) => e.column)).toEqual(["external_id", "external_id"]);
    expect((await upload(csv, false, tokens.viewer)).status).toBe(403);
  });
});
