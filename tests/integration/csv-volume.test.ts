import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/incidents/import/route";
import * as incidents from "@/app/api/v1/incidents/route";
import { prisma } from "@/lib/server/db";
import { call } from "../support/api";
import { bulkTag, deleteBySql, insertIncidentsBySql, tidyAfterBulk } from "../support/bulk";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";

// More than the 20,000 rows the export used to stop at, without a word; 100,000 was measured by
// hand (see the report of issue 18). Inserted by SQL: through the API this would take minutes.
const COUNT = 25_000;
const FROM = Date.parse("2002-01-01T00:00:00Z");
const STEP = 10 * 60_000;

let tokens: Tokens;
let main: string;
let second: string;
const tag = bulkTag();

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  [main, second] = [await makeService(tokens.editor, tokens.admin), await makeService(tokens.editor, tokens.admin)];
  await insertIncidentsBySql({ tag, services: [main, second], count: COUNT, fromMs: FROM, stepMs: STEP, ongoing: false, varied: true });
}, 120_000);

afterAll(async () => {
  await deleteBySql(tag);
  await prisma.incident.deleteMany({ where: { impacts: { some: { service: { slug: main } } } } });
  await tidyAfterBulk();
}, 120_000);

const exportCsv = async () => {
  const res = await call(incidents.GET, { token: tokens.viewer, path: `/x?service=${main}&format=csv` });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/csv");
  return res.body as string;
};
const records = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe("CSV at volume", () => {
  it(`exports all ${COUNT.toLocaleString("en")} incidents of a service, and importing the file writes them back unchanged`, async () => {
    const started = performance.now();
    const csv = await exportCsv();
    const exportMs = performance.now() - started;
    const rows = records(csv);
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(COUNT);
    // Newest first; each row is its incident, text that a spreadsheet would run guarded by an apostrophe.
    const stored = new Map((await prisma.incident.findMany({ where: { id: { startsWith: `${tag}n` } }, select: { number: true, title: true, summary: true, startedAt: true } })).map((i) => [`INC-${i.number}`, i]));
    expect(stored.size).toBe(COUNT);
    for (const r of rows) {
      const i = stored.get(r.reference as string);
      expect(i, r.reference).toBeDefined();
      expect(r.started_at).toBe(i?.startedAt.toISOString());
      expect(r.title).toBe(/^'*[=\-]/.test(i?.title ?? "") ? `'${i?.title}` : i?.title);
      expect(r.summary).toBe(i?.summary);
    }
    expect(rows[0]?.started_at).toBe(new Date(FROM + COUNT * STEP).toISOString());
    expect(rows.filter((r) => r.services === `${main};${second}:0.4`)).toHaveLength(COUNT / 2);

    // The same file into an installation without these incidents: every row comes back as it was.
    await deleteBySql(tag);
    const importStarted = performance.now();
    const imported = await call(importRoute.POST, { method: "POST", token: tokens.editor, rawBody: csv, headers: { "content-type": "text/csv" }, path: "/api/v1/incidents/import?dryRun=false" });
    const importMs = performance.now() - importStarted;
    expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(200);
    expect(imported.body.created).toHaveLength(COUNT);
    const again = records(await exportCsv());
    // New references (numbers are the new installation's); everything else the same, row by row.
    const withoutReference = (list: Record<string, string>[]) => list.map(({ reference: _reference, ...rest }) => rest);
    expect(withoutReference(again)).toEqual(withoutReference(rows));
    console.log(`${COUNT} incidents: export ${Math.round(exportMs)} ms (${(csv.length / 1e6).toFixed(1)} MB), import ${Math.round(importMs)} ms`);
  }, 300_000);
});
