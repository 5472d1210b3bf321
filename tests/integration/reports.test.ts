import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as actionItems from "@/app/api/v1/action-items/route";
import * as all from "@/app/api/v1/availability/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as publish from "@/app/api/v1/reports/[period]/publish/route";
import * as report from "@/app/api/v1/reports/[period]/route";
import * as unpublish from "@/app/api/v1/reports/[period]/unpublish/route";
import * as link from "@/app/api/v1/risks/[id]/incidents/[incidentId]/route";
import * as risks from "@/app/api/v1/risks/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloFigures from "@/app/api/v1/slos/availability/route";
import { formatPercent } from "@/lib/domain/format";
import type { ReportDto } from "@/lib/dto/reports";
import { prisma } from "@/lib/server/db";
import { reportPdf } from "@/lib/server/report-pdf";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { timeZoneForFile } from "../support/settings";

// A report covers the whole organisation's month: this file has a database of its own, so every
// count below is this file's data. March 2025 is long over: the month is whole.
await ownDatabaseForFile();

const PERIOD = "month:2025-03";
const FROM = "2025-03-01T00:00:00.000Z";
const TO = "2025-04-01T00:00:00.000Z";
let tokens: Tokens;
let svcA: string;
let svcB: string;
let tierA: number;
const refs: Record<string, string> = {};

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  svcA = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month", ownTier: true });
  svcB = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, sloWindow: "rolling:30d" });
  tierA = (await prisma.service.findUniqueOrThrow({ where: { slug: svcA }, select: { tier: { select: { rank: true } } } })).tier.rank;
  const one = await logIncident(tokens.editor, { title: "Checkout timeouts", startedAt: "2025-03-10T10:00:00Z", detectedAt: "2025-03-10T10:05:00Z", acknowledgedAt: "2025-03-10T10:07:00Z", mitigatedAt: "2025-03-10T10:30:00Z", resolvedAt: "2025-03-10T10:42:00Z", impacts: [{ service: svcA }] });
  const two = await logIncident(tokens.editor, { startedAt: "2025-03-20T08:00:00Z", detectedAt: "2025-03-20T08:10:00Z", resolvedAt: "2025-03-20T09:00:00Z", impacts: [{ service: svcA, fraction: 0.5 }, { service: svcB }] });
  // From February into March: it overlaps the month, and its MTTx count in February's report.
  const three = await logIncident(tokens.editor, { startedAt: "2025-02-28T23:00:00Z", resolvedAt: "2025-03-01T01:00:00Z", impacts: [{ service: svcB }] });
  // April's: not the month's.
  await logIncident(tokens.editor, { startedAt: "2025-04-02T08:00:00Z", resolvedAt: "2025-04-02T09:00:00Z", impacts: [{ service: svcA }] });
  for (const [k, r] of Object.entries({ one, two, three })) {
    expect(r.status).toBe(201);
    refs[k] = r.body.reference;
  }
  expect((await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug: svcA }, body: { name: "weekly", target: 0.99, window: "week", sli: { source: "incidents" } } })).status).toBe(201);
  const risk = await call(risks.POST, { method: "POST", token: tokens.editor, body: { title: "Payment provider times out", service: svcA, owner: "Ana", inherent: { likelihood: "B", consequence: 4 }, current: { likelihood: "C", consequence: 4 }, target: { likelihood: "D", consequence: 3 } } });
  expect(risk.status).toBe(201);
  refs.risk = risk.body.reference;
  expect((await call(link.PUT, { method: "PUT", token: tokens.editor, params: { id: risk.body.id, incidentId: one.body.id } })).status).toBe(200);
  // Closed in March (the API stamps completion now: the test dates it back).
  const item = await call(actionItems.POST, { method: "POST", token: tokens.editor, body: { title: "Add a timeout budget", owner: "Ben", incident: one.body.reference } });
  expect(item.status).toBe(201);
  await prisma.actionItem.update({ where: { id: item.body.id }, data: { status: "done", completedAt: new Date("2025-03-15T12:00:00Z") } });
  // A freeze as the error-budget evaluator stores it.
  const service = await prisma.service.findUniqueOrThrow({ where: { slug: svcA } });
  await prisma.freeze.create({ data: { serviceId: service.id, startedAt: new Date("2025-03-20T09:00:00Z"), endedAt: new Date("2025-03-25T00:00:00Z"), reason: "availability: budget spent", liftedAt: new Date("2025-03-25T00:00:00Z"), liftedBy: "Test admin", liftReason: "fix shipped" } });
});
timeZoneForFile("UTC", () => tokens.admin);

const get = (query = "", period = PERIOD, token = tokens.viewer) => call(report.GET, { token, params: { period }, path: `/x${query}` });
const post = (handler: typeof publish.POST, token: string, query = "", period = PERIOD) => call(handler, { method: "POST", token, params: { period }, path: `/x${query}` });

/** Every incident the incidents API lists for a query, page after page. */
async function listed(query: string): Promise<string[]> {
  const out: string[] = [];
  for (let cursor: string | null = null; ; ) {
    const res: { status: number; body: { incidents: { reference: string }[]; nextCursor: string | null } } = await call(incidents.GET, { token: tokens.viewer, path: `/x?${query}&limit=200${cursor ? `&cursor=${cursor}` : ""}` });
    expect(res.status).toBe(200);
    out.push(...res.body.incidents.map((i) => i.reference));
    cursor = res.body.nextCursor;
    if (!cursor) return out.sort();
  }
}

describe("period reports", () => {
  it("shows the availability API's figures for the month's window and the incidents API's incidents for the month", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    const r: ReportDto = res.body;
    expect(r).toMatchObject({ period: PERIOD, kind: "month", name: "March 2025", scope: { kind: "org", id: null }, window: { from: FROM, to: TO, firstDay: "2025-03-01", lastDay: "2025-03-31" }, timeZone: "UTC", complete: true, published: null });
    const byLabel = await call(all.GET, { token: tokens.viewer, path: `/x?window=${PERIOD}&asOf=${r.asOf}&incidents=50` });
    const byRange = await call(all.GET, { token: tokens.viewer, path: `/x?window=range:${FROM}/${TO}&asOf=${r.asOf}&incidents=50` });
    expect(r.services.map((s) => s.slug).sort()).toEqual([svcA, svcB].sort());
    for (const s of r.services) {
      const label = byLabel.body.services.find((x: { service: { slug: string } }) => x.service.slug === s.slug);
      const range = byRange.body.services.find((x: { service: { slug: string } }) => x.service.slug === s.slug);
      expect(s.period).toEqual(label);
      expect(s.period).toEqual({ ...range, window: { ...range.window, label: PERIOD } });
    }
    const a = r.services.find((s) => s.slug === svcA);
    // 42 minutes, then half of an hour: 4,320 s counted in 31 days at 99.9 % (2,678.4 s of budget).
    expect(a?.period).toMatchObject({ downtimeSeconds: 4320, metTarget: false, errorBudget: { budgetSeconds: 2678.4, consumedSeconds: 4320 } });
    expect(a?.spent).toEqual({ seconds: 4320, shareOfBudget: 4320 / 2678.4 });
    expect(r.incidents.map((i) => i.reference).sort()).toEqual(await listed(`from=${FROM}&to=${TO}`));
    expect(r.incidents.map((i) => i.reference)).toEqual([refs.three, refs.one, refs.two]);
    // A service's report: the incidents API's for the service and the month.
    const one = (await get(`?service=${svcB}`)).body as ReportDto;
    expect(one.incidents.map((i) => i.reference).sort()).toEqual(await listed(`service=${svcB}&from=${FROM}&to=${TO}`));
    expect(one.services.map((s) => s.slug)).toEqual([svcB]);
    // The other SLO, as the SLO figures API gives it for the month.
    const figures = (await call(sloFigures.GET, { token: tokens.viewer, path: `/x?service=${svcA}&window=${PERIOD}&asOf=${r.asOf}` })).body.slos.find((f: { slo: { name: string } }) => f.slo.name === "weekly");
    expect(a?.slos).toEqual([{ id: figures.slo.id, name: "weekly", unit: "seconds", target: 0.99, window: "week", sli: figures.sli, metTarget: figures.metTarget, unknownSeconds: 0, errorBudget: figures.errorBudget, spentShare: figures.errorBudget.consumed / figures.errorBudget.allowed }]);
  });

  it("gives costs, MTTx per week, freezes, risks realised and action items closed", async () => {
    const r: ReportDto = (await get()).body;
    const two = r.incidents.find((i) => i.reference === refs.two);
    expect(two?.costs).toEqual([
      { service: svcA, downtimeSeconds: 1800, periodDowntimeSeconds: 1800, periodBudgetShare: 1800 / 2678.4 },
      { service: svcB, downtimeSeconds: 3600, periodDowntimeSeconds: 3600, periodBudgetShare: expect.any(Number) },
    ]);
    // The whole incident on its own span; one hour of it in March.
    expect(r.incidents.find((i) => i.reference === refs.three)?.costs).toEqual([{ service: svcB, downtimeSeconds: 7200, periodDowntimeSeconds: 3600, periodBudgetShare: expect.any(Number) }]);
    expect(r.mttx.unit).toBe("week");
    expect(r.mttx.entries.map((e) => e.label)).toEqual(["week:2025-W09", "week:2025-W10", "week:2025-W11", "week:2025-W12", "week:2025-W13", "week:2025-W14"]);
    const w11 = r.mttx.entries.find((e) => e.label === "week:2025-W11");
    expect(w11).toMatchObject({ incidentCount: 1, mttd: { meanSeconds: 300 }, mtta: { meanSeconds: 120 }, mttm: { meanSeconds: 1800 }, mttr: { meanSeconds: 2520 } });
    // The February incident is February's: none started in W09's March day.
    expect(r.mttx.entries[0]?.incidentCount).toBe(0);
    expect(r.freezes).toEqual([expect.objectContaining({ service: { slug: svcA, name: svcA }, reason: "availability: budget spent", liftedBy: "Test admin", liftReason: "fix shipped" })]);
    expect(r.risksRealised).toEqual([expect.objectContaining({ reference: refs.risk, service: svcA, incidents: [refs.one] })]);
    expect(r.actionItemsClosed.map((a) => a.title)).toEqual(["Add a timeout budget"]);
    // B: two hours down in March at 99 %: met.
    expect(r.headline).toEqual({ services: 2, met: 1, missed: 1, failed: 0, incidents: 3, freezes: 1, risksRealised: 1, actionItemsClosed: 1 });
    // A tier's report: its services only, and what touches them.
    const tier: ReportDto = (await get(`?tier=${tierA}`)).body;
    expect(tier.scope).toMatchObject({ kind: "tier", reference: String(tierA) });
    expect(tier.services.map((s) => s.slug)).toEqual([svcA]);
    expect(tier.incidents.map((i) => i.reference)).toEqual([refs.one, refs.two]);
    expect(tier.incidents[1]?.costs.find((c) => c.service === svcB)?.periodBudgetShare).toBeNull();
    // A quarter goes by month.
    const quarter: ReportDto = (await get("", "quarter:2025-Q1")).body;
    expect(quarter.mttx.entries.map((e) => [e.label, e.incidentCount])).toEqual([["month:2025-01", 0], ["month:2025-02", 1], ["month:2025-03", 2]]);
  });

  it("exports Markdown, CSV and PDF with the same figures", async () => {
    const r: ReportDto = (await get()).body;
    const a = r.services.find((s) => s.slug === svcA);
    const availability = formatPercent((a?.period as { availability: number }).availability, 3);
    const markdown = await get("?format=markdown");
    expect(markdown.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(markdown.headers.get("content-disposition")).toBe('attachment; filename="nines-report-month-2025-03.md"');
    expect(markdown.body).toContain("# Availability report March 2025");
    expect(markdown.body).toContain(availability);
    for (const ref of [refs.one, refs.two, refs.three, refs.risk]) expect(markdown.body).toContain(ref);
    expect(markdown.body).toContain("Add a timeout budget");

    const csv = await get(`?format=csv&service=${svcA}`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="nines-report-month-2025-03-${svcA}.csv"`);
    const rows: Record<string, string>[] = parseCsv(csv.body, { columns: true });
    const own = rows.find((x) => x.section === "slo" && x.reference === "availability");
    expect(own).toMatchObject({ period: PERIOD, scope: svcA, service: svcA, target: "0.999", achieved: String((a?.period as { availability: number }).availability), met_target: "no", spent: "4320" });
    expect(rows.filter((x) => x.section === "incident").map((x) => x.reference)).toEqual([refs.one, refs.two]);
    expect(rows.filter((x) => x.section === "mttx" && x.name === "mttr" && x.reference === "week:2025-W11")[0]?.mean_seconds).toBe("2520");
    expect(rows.filter((x) => x.section === "freeze")).toHaveLength(1);

    const pdf = await get("?format=pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe('attachment; filename="nines-report-month-2025-03.pdf"');
    expect(String(pdf.body).startsWith("%PDF-")).toBe(true);
    // Uncompressed, the pages' text can be read back: pdfkit writes each run as hex glyph codes.
    const raw = (await reportPdf(r, { compress: false })).toString("latin1");
    const text = [...raw.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) => [...(m[1] ?? "").matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1] ?? "", "hex").toString("latin1")).join("")).join("\n");
    expect(text).toContain("Availability report March 2025");
    expect(text).toContain(availability);
    expect(text).toContain(refs.one as string);
  });

  it("freezes the figures when published; an editor cannot unpublish, an admin can and it is audited", async () => {
    expect((await post(publish.POST, tokens.viewer, `?service=${svcA}`)).status).toBe(403);
    const published = await post(publish.POST, tokens.editor, `?service=${svcA}`);
    expect(published.status).toBe(200);
    expect(published.body.published).toMatchObject({ publishedBy: "Test editor" });
    expect((await post(publish.POST, tokens.editor, `?service=${svcA}`)).status).toBe(409);
    // An incident logged afterwards does not change the published report, and GET says it is published.
    expect((await logIncident(tokens.editor, { startedAt: "2025-03-27T08:00:00Z", resolvedAt: "2025-03-27T10:00:00Z", impacts: [{ service: svcA }] })).status).toBe(201);
    const after: ReportDto = (await get(`?service=${svcA}`)).body;
    expect(after.published).toEqual(published.body.published);
    const { published: _p, ...frozen } = published.body as ReportDto;
    expect(after).toEqual({ ...frozen, published: published.body.published });
    expect(after.incidents.map((i) => i.reference)).toEqual([refs.one, refs.two]);
    expect((await get(`?service=${svcA}&format=markdown`)).body).toContain(`Published`);
    // The organisation's report was not published: it is live and has the new incident.
    expect((await get()).body.incidents).toHaveLength(4);

    expect((await post(unpublish.POST, tokens.editor, `?service=${svcA}`)).status).toBe(403);
    const gone = await post(unpublish.POST, tokens.admin, `?service=${svcA}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ unpublished: true, period: PERIOD, scope: { kind: "service", reference: svcA } });
    const event = await prisma.auditEvent.findFirst({ where: { entityType: "report", action: "unpublish", entityId: published.body.published.id } });
    expect(event?.before).toMatchObject({ period: PERIOD, publishedBy: "Test editor" });
    expect(await prisma.auditEvent.count({ where: { entityType: "report", action: "publish", entityId: published.body.published.id } })).toBe(1);
    const live: ReportDto = (await get(`?service=${svcA}`)).body;
    expect(live.published).toBeNull();
    expect(live.incidents).toHaveLength(3);
    expect((await post(unpublish.POST, tokens.admin, `?service=${svcA}`)).status).toBe(404);
  });

  it("refuses to publish a period that has not ended", async () => {
    const now = new Date();
    const current = `month:${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    const res = await post(publish.POST, tokens.editor, "", current);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/has not ended yet/);
    const live = await get("", current);
    expect(live.body).toMatchObject({ complete: false, published: null });
  });

  it("answers a bad period with a 400 naming it, an unknown scope with a 404", async () => {
    for (const period of ["month:2025-13", "week:2025-W10", "2025-03", "quarter:2025-Q5", "year:25", "month:2999-01"]) {
      const res = await get("", period);
      expect(res.status, period).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path), period).toEqual(["period"]);
    }
    expect((await post(publish.POST, tokens.editor, "", "month:2025-13")).body.issues).toEqual([expect.objectContaining({ path: "period" })]);
    // A client that encodes the colon names the same period.
    expect((await get("", "month%3A2025-03")).body.period).toBe(PERIOD);
    expect((await get("", "month%3A2025-1%")).body.issues).toEqual([expect.objectContaining({ path: "period" })]);
    const both = await get(`?tier=${tierA}&service=${svcA}`);
    expect(both.status).toBe(400);
    expect(both.body.issues).toEqual([{ path: "service", message: "Give a tier or a service, not both" }]);
    expect((await get("?format=docx")).body.issues).toEqual([expect.objectContaining({ path: "format" })]);
    expect((await get(`?service=${unique("nope")}`)).status).toBe(404);
    expect((await get("?tier=98")).status).toBe(404);
    expect((await post(publish.POST, tokens.editor, `?service=${unique("nope")}`)).status).toBe(404);
  });
});
