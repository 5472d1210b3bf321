/**
 * The message that delivers a period report (decision 0036): its headline, each service's budget
 * spent and the longest incidents, in words, with links to the report's page and exports; the PDF
 * rides along for email. Every figure is the report's own (the server copies them out of the
 * report's DTO), never worked out again here. For the team only: a public channel never gets one.
 * Pure.
 */
import type { MessageAttachment, NotificationMessage } from "./notification-message";
import type { ReportEventType } from "./notifications";
import type { ReportPeriodKind } from "./report-period";
import { formatDuration, formatPercent } from "./format";

/** A service's objective over the period, as the report states it. */
export type ReportServiceFacts = { slug: string; name: string; failed: boolean; availability: number | null; target: number | null; metTarget: boolean | null; spentShare: number | null; spentSeconds: number | null };

export type ReportFacts = {
  period: string;
  kind: ReportPeriodKind;
  /** "March 2025". */
  name: string;
  scope: { kind: "org" | "tier" | "service"; id: string | null; reference: string | null; name: string; /** In words: "tier 1 (Critical)". */ text: string; /** The page's query: "", "tier=<id>", "service=<slug>". */ query: string };
  window: { from: string; to: string; firstDay: string; lastDay: string };
  timeZone: string;
  asOf: string;
  complete: boolean;
  /** Published or live, and as of when, in words (the report's own status line). */
  status: string;
  published: { at: string; by: string } | null;
  headline: { services: number; met: number; missed: number; failed: number; incidents: number; freezes: number; risksRealised: number; actionItemsClosed: number };
  services: ReportServiceFacts[];
  /** The period's incidents, each with its downtime over its own span (the report's). */
  incidents: { reference: string; title: string; severity: string; downtimeSeconds: number }[];
};

/** The PDF for email: attached when it is at most MAX_ATTACHMENT_BYTES (`base64` null otherwise). */
export type ReportPdf = { fileName: string; bytes: number; base64: string | null };

/** One member per kind, so that a check of `type` narrows the event union. */
export type ReportEvent = { [K in ReportEventType]: { type: K; at: string; report: ReportFacts; pdf: ReportPdf } }[ReportEventType];

const LISTED_SERVICES = 10;
const LISTED_INCIDENTS = 5;
/** The webhook's data lists at most this many services (a report of a large organisation has many). */
const DATA_SERVICES = 500;

const withQuery = (url: string, query: string) => (query ? `${url}${url.includes("?") ? "&" : "?"}${query}` : url);

/** Where to read the report: its page, and the API's JSON, Markdown, CSV and PDF. */
export function reportLinks(report: Pick<ReportFacts, "period" | "scope">, baseUrl: string) {
  const api = `${baseUrl}/api/v1/reports/${report.period}`;
  return {
    page: withQuery(`${baseUrl}/reports/${report.period}`, report.scope.query),
    json: withQuery(api, report.scope.query),
    markdown: withQuery(`${api}?format=markdown`, report.scope.query),
    csv: withQuery(`${api}?format=csv`, report.scope.query),
    pdf: withQuery(`${api}?format=pdf`, report.scope.query),
  };
}

/** Most spent first; a service without figures last. */
function bySpend(a: ReportServiceFacts, b: ReportServiceFacts): number {
  return (b.spentShare ?? -1) - (a.spentShare ?? -1) || a.name.localeCompare(b.name);
}

function serviceLine(s: ReportServiceFacts): string {
  if (s.failed) return `- ${s.name}: its figures could not be computed`;
  if (s.availability === null || s.target === null) return `- ${s.name}: no data for the period`;
  const spent = s.spentShare === null ? "no budget to spend" : `${formatPercent(s.spentShare, 1)} of its budget spent${s.spentSeconds === null ? "" : ` (${formatDuration(s.spentSeconds)})`}`;
  return `- ${s.name}: ${spent}; ${formatPercent(s.availability, 3)} against ${formatPercent(s.target)}: ${s.metTarget ? "met" : "missed"}`;
}

/** The report in a few lines: what a reader needs before opening it. */
export function reportSummaryText(r: ReportFacts, pdf: ReportPdf | null): string {
  const h = r.headline;
  const lines = [
    `${r.name} (${r.window.firstDay} to ${r.window.lastDay}, ${r.timeZone}) for ${r.scope.text}. ${r.status}.`,
    "",
    `Services that met their target: ${h.met} of ${h.services}; missed: ${h.missed}${h.failed ? `; could not compute: ${h.failed}` : ""}.`,
    `Incidents: ${h.incidents} · freezes: ${h.freezes} · risks realised: ${h.risksRealised} · action items closed: ${h.actionItemsClosed}.`,
  ];
  if (r.services.length) {
    const shown = [...r.services].sort(bySpend).slice(0, LISTED_SERVICES);
    lines.push("", "Budget spent, most first:", ...shown.map(serviceLine));
    if (r.services.length > shown.length) lines.push(`… and ${r.services.length - shown.length} more in the report.`);
  } else lines.push("", "No services in this scope.");
  if (r.incidents.length) {
    const longest = [...r.incidents].sort((a, b) => b.downtimeSeconds - a.downtimeSeconds).slice(0, LISTED_INCIDENTS);
    lines.push("", `Longest incidents${r.incidents.length > longest.length ? ` (${longest.length} of ${r.incidents.length})` : ""}:`, ...longest.map((i) => `- ${i.reference} ${i.title} (${i.severity}): ${formatDuration(i.downtimeSeconds)} down`));
  }
  if (pdf && pdf.base64 === null) lines.push("", `The PDF (${(pdf.bytes / 1_000_000).toFixed(1)} MB) is too large to attach: download it from the report's page.`);
  return lines.join("\n");
}

const KIND_WORDS: Record<ReportPeriodKind, string> = { month: "Monthly", quarter: "Quarterly", year: "Yearly" };

/** The message for the team; `attach`: the PDF goes with it (email channels). */
export function reportMessage(event: ReportEvent, baseUrl: string, attach: boolean): NotificationMessage {
  const r = event.report;
  const links = reportLinks(r, baseUrl);
  const attachments: MessageAttachment[] = attach && event.pdf.base64 !== null ? [{ fileName: event.pdf.fileName, contentType: "application/pdf", base64: event.pdf.base64 }] : [];
  const services = [...r.services].sort(bySpend).slice(0, DATA_SERVICES);
  return {
    event: event.type,
    audience: "internal",
    title: `${KIND_WORDS[r.kind]} report ${r.name}: ${r.scope.text}`,
    text: reportSummaryText(r, attach ? event.pdf : null),
    // The summary says it all; fields beside it (Slack's, the email's list) would only repeat it.
    facts: [],
    link: links.page,
    reference: r.period,
    occurredAt: event.at,
    data: {
      report: {
        period: r.period,
        kind: r.kind,
        name: r.name,
        scope: { kind: r.scope.kind, id: r.scope.id, reference: r.scope.reference, name: r.scope.name },
        window: r.window,
        timeZone: r.timeZone,
        asOf: r.asOf,
        complete: r.complete,
        published: r.published,
        headline: r.headline,
        services: services.map((s) => ({ slug: s.slug, name: s.name, availability: s.availability, target: s.target, metTarget: s.metTarget, budgetSpentShare: s.spentShare, budgetSpentSeconds: s.spentSeconds, failed: s.failed })),
        servicesListed: services.length,
      },
      links,
    },
    attachments,
  };
}
