import "server-only";
import { REPORT_EVENTS, reportScopesOf } from "@/lib/domain/notifications";
import { lastEndedPeriod, MAX_ATTACHMENT_BYTES, reportWatchChange } from "@/lib/domain/report-delivery";
import type { ReportEvent, ReportFacts } from "@/lib/domain/report-message";
import { REPORT_PERIOD_KINDS, reportFileName, reportPeriodLabel, type ReportPeriodKind, type ReportPeriodSpec } from "@/lib/domain/report-period";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReportDto } from "@/lib/dto/reports";
import type { ReportScopeQuery } from "@/lib/schemas/report";
import { organisationTimeZone } from "./availability-data";
import { prisma } from "./db";
import { incidentDowntime, scopeText, statusText } from "./report-export";
import { reportPdf } from "./report-pdf";
import { getReport } from "./reports";
import { moveState, storedStates } from "./watch-store";

// Scheduled delivery of period reports (docs/decisions/0036-report-and-freeze-notifications.md):
// when a month, a quarter or a year has ended in the organisation's zone, the notification
// evaluator delivers the report of the period just ended to each subscription of its kind, once:
// the WatchState `report:<kind>` holds the last period delivered and moves by compare-and-set in
// the transaction that writes the deliveries. The report is getReport's (the published snapshot
// when there is one), its PDF report-pdf.ts's; nothing is figured here.

/** What getReport is asked for a stored scope key; null: the tier or service is gone (or archived). */
async function scopeQueryOf(key: string): Promise<{ query: ReportScopeQuery; link: string } | null> {
  if (key === "org") return { query: {}, link: "" };
  const [kind, id = ""] = key.split(/:(.*)/s) as [string, string | undefined];
  if (kind === "tier") return (await prisma.tier.findUnique({ where: { id }, select: { id: true } })) ? { query: { tier: { id } }, link: `tier=${encodeURIComponent(id)}` } : null;
  const service = await prisma.service.findFirst({ where: { id, archivedAt: null }, select: { slug: true } });
  return service ? { query: { service: service.slug }, link: `service=${encodeURIComponent(service.slug)}` } : null;
}

/** The report's figures as the message states them: copied out of its DTO, never recomputed. */
export function reportFacts(r: ReportDto, query: string): ReportFacts {
  const h = r.headline;
  return {
    period: r.period,
    kind: r.kind,
    name: r.name,
    scope: { kind: r.scope.kind, id: r.scope.id, reference: r.scope.reference, name: r.scope.name, text: scopeText(r), query },
    window: { from: r.window.from, to: r.window.to, firstDay: r.window.firstDay, lastDay: r.window.lastDay },
    timeZone: r.timeZone,
    asOf: r.asOf,
    complete: r.complete,
    status: statusText(r),
    published: r.published && { at: r.published.publishedAt, by: r.published.publishedBy },
    headline: { services: h.services, met: h.met, missed: h.missed, failed: h.failed, incidents: h.incidents, freezes: h.freezes, risksRealised: h.risksRealised, actionItemsClosed: h.actionItemsClosed },
    services: r.services.map((s) =>
      isServiceFailure(s.period)
        ? { slug: s.slug, name: s.name, failed: true, availability: null, target: null, metTarget: null, spentShare: null, spentSeconds: null }
        : { slug: s.slug, name: s.name, failed: false, availability: s.period.availability, target: s.period.slo.target, metTarget: s.period.metTarget, spentShare: s.spent?.shareOfBudget ?? null, spentSeconds: s.spent?.seconds ?? null },
    ),
    incidents: r.incidents.map((i) => ({ reference: i.reference, title: i.title, severity: i.severity, downtimeSeconds: incidentDowntime(i) })),
  };
}

/** The report of `spec` for each scope the subscriptions to its event ask for (on a channel of the team's), as of `now`. */
async function reportEvents(spec: ReportPeriodSpec, now: number): Promise<ReportEvent[]> {
  const type = REPORT_EVENTS[spec.kind];
  const subscriptions = await prisma.subscription.findMany({
    where: { events: { has: type } },
    select: { serviceIds: true, tierIds: true, severities: true, publicOnly: true, channels: { select: { channel: { select: { audience: true } } } } },
  });
  // A public channel never gets a report: no report is made for a subscription that has only those.
  const keys = new Set(subscriptions.filter((s) => s.channels.some((c) => c.channel.audience !== "public")).flatMap((s) => reportScopesOf(s)));
  const events: ReportEvent[] = [];
  for (const key of [...keys].sort()) {
    const scope = await scopeQueryOf(key);
    if (!scope) continue;
    const report = await getReport(reportPeriodLabel(spec), scope.query, now);
    const pdf = await reportPdf(report);
    const fileName = reportFileName(spec, report.scope.reference, "pdf");
    const event = { at: new Date(now).toISOString(), report: reportFacts(report, scope.link), pdf: { fileName, bytes: pdf.length, base64: pdf.length <= MAX_ATTACHMENT_BYTES ? pdf.toString("base64") : null } };
    events.push({ ...event, type } as ReportEvent);
  }
  return events;
}

/**
 * For each kind of period: the one that ended last, compared with the one delivered last; a later
 * one is delivered (its reports made outside the transaction, written in it). Returns how many
 * stored states moved.
 */
export async function evaluateReports(now: number): Promise<number> {
  const timeZone = await organisationTimeZone();
  const keyOf = (kind: ReportPeriodKind) => `report:${kind}`;
  const stored = await storedStates(REPORT_PERIOD_KINDS.map(keyOf));
  let moved = 0;
  // Each kind on its own: a month's report that cannot be made holds up no quarter's or year's.
  const failures: unknown[] = [];
  for (const kind of REPORT_PERIOD_KINDS) {
    try {
      const previous = stored.get(keyOf(kind)) ?? null;
      const latest = lastEndedPeriod(kind, now, timeZone);
      const change = reportWatchChange(previous?.data.kind === "report" ? previous.data.period : null, latest);
      if (!change) continue;
      const events = change.announce ? await reportEvents(latest, now) : [];
      if (await moveState(keyOf(kind), previous, { kind: "report", period: change.next }, events)) moved += 1;
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length) throw failures.length === 1 ? failures[0] : new AggregateError(failures, `period reports: ${failures.map((e) => (e instanceof Error ? e.message : String(e))).join("; ")}`);
  return moved;
}
