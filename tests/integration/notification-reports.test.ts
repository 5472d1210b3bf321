import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as channels from "@/app/api/v1/notification-channels/route";
import * as integrations from "@/app/api/v1/integrations/route";
import * as publish from "@/app/api/v1/reports/[period]/publish/route";
import * as subscriptions from "@/app/api/v1/subscriptions/route";
import { formatPercent } from "@/lib/domain/format";
import { parseReportPeriod, reportFileName, type ReportPeriodSpec } from "@/lib/domain/report-period";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReportDto } from "@/lib/dto/reports";
import { StoredNotificationMessage, StoredWatchState } from "@/lib/schemas/stored";
import { prisma } from "@/lib/server/db";
import { evaluateOnce } from "@/lib/server/notification-evaluator";
import { attempt, claimDueDeliveries } from "@/lib/server/notification-scheduler";
import { baseUrl } from "@/lib/server/notify";
import { getReport } from "@/lib/server/reports";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { parseMail, pdfText } from "../support/mail";
import { httpReceiver, smtpSink, type HttpReceiver } from "../support/receivers";

// The organisation's monthly report, delivered when March 2025 ends: this file has a database of
// its own, so the organisation's report holds this file's services and incidents only.
await ownDatabaseForFile();

const PERIOD = "month:2025-03";
const BEFORE = Date.parse("2025-03-31T23:59:00Z");
const AFTER = Date.parse("2025-04-01T00:01:00Z");
let tokens: Tokens;
let receiver: HttpReceiver;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let svcA: string;
let svcB: string;
let tierA: { id: string; rank: number };
const chan: Record<"email" | "org" | "tier" | "public", string> = { email: "", org: "", tier: "", public: "" };

async function channel(body: Record<string, unknown>): Promise<string> {
  const res = await call(channels.POST, { method: "POST", token: tokens.admin, body: { name: unique("channel"), ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  receiver = await httpReceiver();
  sink = await smtpSink();
  const read = await call(integrations.GET, { token: tokens.admin });
  expect((await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { smtp: { host: "127.0.0.1", port: sink.port, secure: false, from: "nines@example.test" }, version: read.body.version } })).status).toBe(200);
  svcA = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month", ownTier: true });
  svcB = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, sloWindow: "month", ownTier: true });
  tierA = (await prisma.service.findUniqueOrThrow({ where: { slug: svcA }, select: { tier: { select: { id: true, rank: true } } } })).tier;
  for (const body of [
    { title: "Checkout timeouts", startedAt: "2025-03-10T10:00:00Z", resolvedAt: "2025-03-10T11:12:00Z", impacts: [{ service: svcA }] },
    { title: "Slow search", startedAt: "2025-03-20T08:00:00Z", resolvedAt: "2025-03-20T09:00:00Z", impacts: [{ service: svcA, fraction: 0.5 }, { service: svcB }] },
  ])
    expect((await logIncident(tokens.editor, body)).status).toBe(201);
  chan.email = await channel({ type: "email", audience: "internal", to: ["sre-leads@example.test"] });
  chan.org = await channel({ type: "webhook", audience: "internal", url: receiver.url("/org") });
  chan.tier = await channel({ type: "webhook", audience: "internal", url: receiver.url("/tier") });
  chan.public = await channel({ type: "webhook", audience: "public", url: receiver.url("/public") });
  const subscribe = (body: Record<string, unknown>) => call(subscriptions.POST, { method: "POST", token: tokens.admin, body });
  expect((await subscribe({ events: ["report.month"], channels: [chan.email, chan.org, chan.public] })).status).toBe(201);
  expect((await subscribe({ events: ["report.month"], tiers: [tierA.rank], channels: [chan.tier] })).status).toBe(201);
});

afterAll(async () => {
  const read = await call(integrations.GET, { token: tokens.admin });
  await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { smtp: null, version: read.body.version } });
  await receiver.close();
  await sink.close();
});

async function deliverDue(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const claimed = await claimDueDeliveries(100);
    if (!claimed.length) return;
    await Promise.all(claimed.map((d) => attempt(d)));
  }
}

const deliveriesOf = async (channelId: string) => (await prisma.delivery.findMany({ where: { channelId }, orderBy: { seq: "asc" } })).map((d) => ({ status: d.status, message: StoredNotificationMessage.read(d.message, d.id) }));
const hooksAt = (p: string) => receiver.received.filter((r) => r.path === p).map((r) => JSON.parse(r.body) as Record<string, any>);
const spec = (label: string) => (parseReportPeriod(label) as { ok: true; spec: ReportPeriodSpec }).spec;
const availabilityText = (s: ReportDto["services"][number]) => (isServiceFailure(s.period) || s.period.availability === null ? "" : formatPercent(s.period.availability, 3));

function evaluateInAnotherProcess(at: number): void {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve(import.meta.dirname, "../support/evaluate-once.ts"), String(at)], { cwd: path.resolve(import.meta.dirname, "../.."), env: { ...process.env, DATABASE_POOL_SIZE: "2" }, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
}

describe("scheduled delivery of the monthly report", () => {
  it("sends March's report once March has ended: the PDF by email, the figures by webhook, the tier's to the tier's subscription, none to a public channel", async () => {
    // The tier's report is published: its published snapshot is what goes out.
    const published = await call(publish.POST, { method: "POST", token: tokens.editor, params: { period: PERIOD }, path: `/x?tier=${tierA.rank}` });
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    // A minute before the month ends: the periods ended so far are stored quietly, nothing is sent.
    await evaluateOnce(BEFORE);
    expect(await prisma.delivery.count()).toBe(0);
    const watched = await prisma.watchState.findUniqueOrThrow({ where: { key: "report:month" } });
    expect(StoredWatchState.read(watched.state, "x")).toEqual({ kind: "report", period: "month:2025-02" });

    await evaluateOnce(AFTER);
    expect((await deliveriesOf(chan.email)).map((d) => d.message.reference)).toEqual([PERIOD]);
    expect(await deliveriesOf(chan.org)).toHaveLength(1);
    expect(await deliveriesOf(chan.tier)).toHaveLength(1);
    expect(await deliveriesOf(chan.public)).toEqual([]);
    // Only the email's message carries the PDF.
    expect((await deliveriesOf(chan.org))[0]?.message.attachments).toEqual([]);
    await deliverDue();

    const org = await getReport(PERIOD, {}, AFTER);
    const h = org.headline;
    expect(h.services).toBe(2);
    expect(h.incidents).toBe(2);

    // Email: the summary in the body, the PDF attached, its text the report's figures.
    expect(sink.mails).toHaveLength(1);
    const mail = parseMail(sink.mails[0]?.raw ?? "");
    expect(mail.headers.subject).toBe(`[Nines] Monthly report March 2025: ${org.scope.name} (whole organisation)`);
    expect(mail.text).toContain(`Services that met their target: ${h.met} of ${h.services}; missed: ${h.missed}.`);
    expect(mail.text).toContain(`Incidents: ${h.incidents} · freezes: ${h.freezes}`);
    for (const s of org.services) expect(mail.text).toContain(`${availabilityText(s)} against ${formatPercent((s.period as { slo: { target: number } }).slo.target)}`);
    expect(mail.text).toContain(`Open in Nines: ${baseUrl()}/reports/${PERIOD}`);
    expect(mail.attachments.map((a) => [a.fileName, a.contentType])).toEqual([[reportFileName(spec(PERIOD), null, "pdf"), "application/pdf"]]);
    const pdf = mail.attachments[0]?.content ?? Buffer.alloc(0);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Availability report March 2025");
    expect(text).toContain(`Services that met their target: ${h.met} of ${h.services}; missed: ${h.missed}.`);
    for (const s of org.services) expect(text).toContain(availabilityText(s));
    for (const i of org.incidents) expect(text).toContain(i.reference);

    // Webhook: the figures as JSON and the links, never the PDF's bytes.
    const [hook, ...more] = hooksAt("/org");
    expect(more).toEqual([]);
    expect(hook).toMatchObject({ event: "report.month", reference: PERIOD, title: `Monthly report March 2025: ${org.scope.name} (whole organisation)` });
    expect(hook?.data.report.headline).toEqual(h);
    expect(hook?.data.report.complete).toBe(true);
    expect(Object.fromEntries(hook?.data.report.services.map((s: { slug: string; availability: number }) => [s.slug, s.availability]))).toEqual(Object.fromEntries(org.services.map((s) => [s.slug, (s.period as { availability: number }).availability])));
    expect(hook?.data.links).toEqual({
      page: `${baseUrl()}/reports/${PERIOD}`,
      json: `${baseUrl()}/api/v1/reports/${PERIOD}`,
      markdown: `${baseUrl()}/api/v1/reports/${PERIOD}?format=markdown`,
      csv: `${baseUrl()}/api/v1/reports/${PERIOD}?format=csv`,
      pdf: `${baseUrl()}/api/v1/reports/${PERIOD}?format=pdf`,
    });
    expect(JSON.stringify(hook)).not.toContain("JVBER"); // base64 of "%PDF"

    // The tier's subscription: the tier's report, as published.
    const tier = await getReport(PERIOD, { tier: { id: tierA.id } }, AFTER);
    expect(tier.published).not.toBeNull();
    const [tierHook] = hooksAt("/tier");
    expect(tierHook?.data.report.scope).toEqual({ kind: "tier", id: tierA.id, reference: String(tierA.rank), name: tier.scope.name });
    expect(tierHook?.data.report.services.map((s: { slug: string }) => s.slug)).toEqual([svcA]);
    expect(tierHook?.data.report.headline).toEqual(tier.headline);
    expect(tierHook?.data.report.published).toEqual({ at: tier.published?.publishedAt, by: "Test editor" });
    expect(tierHook?.data.report.asOf).toBe(tier.published?.snapshotAsOf);
    expect(tierHook?.data.links.pdf).toBe(`${baseUrl()}/api/v1/reports/${PERIOD}?format=pdf&tier=${tierA.id}`);
    expect(receiver.seen.filter((r) => r.path === "/public")).toEqual([]);

    // Seen again: after a restart (another process), and by two evaluators at once: nothing new.
    evaluateInAnotherProcess(AFTER + 60_000);
    await Promise.all([evaluateOnce(AFTER + 120_000), evaluateOnce(AFTER + 120_000)]);
    await deliverDue();
    expect(await prisma.delivery.count()).toBe(3);
    expect(sink.mails).toHaveLength(1);
  });

  it("refuses a report subscription with a filter that would let no report through, naming the field", async () => {
    const res = await call(subscriptions.POST, { method: "POST", token: tokens.admin, body: { events: ["incident.declared", "report.quarter"], severities: ["SEV1"], publicOnly: true, channels: [chan.org] } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      { path: "severities", message: "Reports pass no severity filter: subscribe to them without one" },
      { path: "publicOnly", message: "Reports are for the team: they pass no “public updates only” filter" },
    ]);
  });

  it("sends April's report once when two evaluators see April end at the same time", async () => {
    const may = Date.parse("2025-05-01T00:00:30Z");
    await Promise.all([evaluateOnce(may), evaluateOnce(may)]);
    for (const id of [chan.email, chan.org, chan.tier]) expect((await deliveriesOf(id)).map((d) => d.message.reference)).toEqual([PERIOD, "month:2025-04"]);
    expect(await deliveriesOf(chan.public)).toEqual([]);
    await deliverDue();
    expect(sink.mails).toHaveLength(2);
    expect(hooksAt("/org").map((b) => b.data.report.period)).toEqual([PERIOD, "month:2025-04"]);
  });
});
