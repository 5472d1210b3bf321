/**
 * The messages Nines sends, written once per audience when the change happens: an internal
 * channel reads the incident as the team does; a public one (like a status page's subscriber)
 * only ever reads public titles and public updates, never severities, summaries, people or
 * postmortems. Then the same message as each kind of channel takes it: signed JSON, Slack Block
 * Kit, email. Pure.
 */
import type { IncidentKind, IncidentStatus, Severity } from "./incident-lifecycle";
import type { Audience, EventService, NotificationEventType } from "./notifications";
import { BURN_STATE_LABELS, type BurnState } from "./burn-state";
import { formatPercent } from "./format";
import { formatZonedDateTime } from "./time-zone";
import { freezeMessage, type FreezeEvent } from "./freeze-message";
import { reportMessage, type ReportEvent } from "./report-message";

export type IncidentFacts = {
  reference: string;
  title: string;
  publicTitle: string | null;
  severity: Severity;
  kind: IncidentKind;
  status: IncidentStatus;
  services: EventService[];
  startedAt: string;
  resolvedAt: string | null;
  source: string | null;
};

export type PublicMilestone = "detected" | "acknowledged" | "mitigated";

export type SloFacts = { id: string; name: string; service: EventService & { slug: string }; target: number; window: string };
export type RiskFacts = { reference: string; title: string; level: string; dueAt: string; services: EventService[] };

export type NotificationEvent =
  | { type: "incident.declared"; at: string; incident: IncidentFacts; summary: string; byProbe?: boolean }
  | { type: "incident.updated"; at: string; incident: IncidentFacts; update: { message: string; public: boolean; author: string } }
  | { type: "incident.milestone"; at: string; incident: IncidentFacts; milestone: PublicMilestone }
  | { type: "incident.resolved"; at: string; incident: IncidentFacts; byProbe?: boolean }
  | { type: "probe.incident"; at: string; incident: IncidentFacts; opened: boolean }
  | { type: "review.closed"; at: string; week: string; summary: string }
  | { type: "slo.burn_state"; at: string; slo: SloFacts; from: BurnState; to: BurnState; remainingRatio: number | null }
  | { type: "slo.budget_exhausted"; at: string; slo: SloFacts; remainingRatio: number }
  | { type: "risk.review_due"; at: string; risk: RiskFacts; overdue: boolean }
  | FreezeEvent
  | ReportEvent;

export type MessageFact = { label: string; value: string };

/** A file sent with an email (a period report's PDF), bounded in size when written (report-delivery.ts). */
export type MessageAttachment = { fileName: string; contentType: "application/pdf"; base64: string };

/** A message as stored in the outbox (lib/schemas/stored.ts checks it when read). */
export type NotificationMessage = {
  event: NotificationEventType | "test" | "subscription.confirm";
  audience: Audience;
  title: string;
  text: string;
  facts: MessageFact[];
  /** Where to read more: the incident's page for the team; null for the public. */
  link: string | null;
  reference: string | null;
  occurredAt: string;
  /** The event as data, for webhook receivers; only what the audience may read. */
  data: Record<string, unknown>;
  /** Files for email only (webhooks and Slack get links); none when left out. */
  attachments?: MessageAttachment[];
};

/** The title readers outside the team see: the public title, or one that says no more than which services. */
export function publicIncidentTitle(incident: Pick<IncidentFacts, "publicTitle" | "services" | "kind">): string {
  if (incident.publicTitle) return incident.publicTitle;
  const names = incident.services.map((s) => s.name).join(", ") || "our services";
  return incident.kind === "maintenance" ? `Maintenance on ${names}` : `Investigating an issue with ${names}`;
}

const MILESTONE_WORDS: Record<PublicMilestone, string> = { detected: "detected", acknowledged: "acknowledged", mitigated: "mitigated; monitoring the recovery" };

function incidentData(incident: IncidentFacts, audience: Audience): Record<string, unknown> {
  const base = {
    title: audience === "public" ? publicIncidentTitle(incident) : incident.title,
    status: incident.status,
    kind: incident.kind,
    services: incident.services.map((s) => s.name),
    startedAt: incident.startedAt,
    resolvedAt: incident.resolvedAt,
  };
  return audience === "public" ? base : { reference: incident.reference, severity: incident.severity, ...base };
}

/**
 * The message for one audience, or null when that audience is not to hear of the event.
 * `forEmail`: a report's PDF is attached (only email channels' messages carry it).
 */
export function notificationMessage(event: NotificationEvent, audience: Audience, baseUrl: string, forEmail = false): NotificationMessage | null {
  const internal = audience === "internal";
  if (event.type === "report.month" || event.type === "report.quarter" || event.type === "report.year") return internal ? reportMessage(event, baseUrl, forEmail) : null;
  if (event.type === "policy.frozen" || event.type === "policy.thawed") return internal ? freezeMessage(event, baseUrl) : null;
  if (event.type === "review.closed") {
    if (!internal) return null;
    return { event: event.type, audience, title: `Weekly review ${event.week} closed`, text: event.summary, facts: [], link: `${baseUrl}/reviews/${event.week}`, reference: event.week, occurredAt: event.at, data: { week: event.week, summary: event.summary } };
  }
  if (event.type === "slo.burn_state" || event.type === "slo.budget_exhausted" || event.type === "risk.review_due") return internal ? teamOnlyMessage(event, baseUrl) : null;
  const incident = event.incident;
  const title = internal ? `${incident.reference} ${incident.title}` : publicIncidentTitle(incident);
  const services = incident.services.map((s) => s.name).join(", ");
  const facts: MessageFact[] = internal
    ? [{ label: "Severity", value: incident.severity }, { label: "Status", value: incident.status }, { label: "Services", value: services }]
    : [{ label: "Status", value: incident.status }];
  const common = { event: event.type, audience, facts, link: internal ? `${baseUrl}/incidents/${incident.reference}` : null, reference: internal ? incident.reference : null, occurredAt: event.at };
  const data = { incident: incidentData(incident, audience) };
  switch (event.type) {
    case "incident.declared":
      if (incident.status === "scheduled") return { ...common, title: `Scheduled: ${title}`, text: `Planned maintenance on ${services} ${plannedWindow(incident)}.${internal && event.summary ? `\n\n${event.summary}` : ""}`, data: internal ? { ...data, summary: event.summary } : data };
      return { ...common, title: `Declared: ${title}`, text: internal ? event.summary || "No summary yet." : `We are looking into an issue affecting ${services}.`, data: internal ? { ...data, summary: event.summary } : data };
    case "incident.updated":
      if (!internal && !event.update.public) return null;
      return {
        ...common,
        title: `Update: ${title}`,
        text: event.update.message,
        facts: internal ? [...facts, { label: "Visibility", value: event.update.public ? "public" : "internal" }, { label: "By", value: event.update.author }] : facts,
        data: { ...data, update: internal ? event.update : { message: event.update.message } },
      };
    case "incident.milestone":
      return { ...common, title: `${capitalise(MILESTONE_WORDS[event.milestone])}: ${title}`, text: `The incident was ${MILESTONE_WORDS[event.milestone]}.`, data: { ...data, milestone: event.milestone } };
    case "incident.resolved":
      return { ...common, title: `Resolved: ${title}`, text: internal ? "The incident is resolved." : "This issue is resolved.", data };
    case "probe.incident":
      if (!internal) return null;
      return { ...common, title: `${event.opened ? "Probe opened" : "Probe resolved"}: ${title}`, text: event.opened ? "A probe failed enough runs in a row to open this incident." : "The probe succeeded again and resolved this incident.", data: { ...data, opened: event.opened } };
  }
}

/** "from 2026-12-05 02:00 to 04:00 UTC": messages go to readers in any zone, so they say UTC. */
function plannedWindow(incident: Pick<IncidentFacts, "startedAt" | "resolvedAt">): string {
  const start = formatZonedDateTime(Date.parse(incident.startedAt), "UTC");
  if (incident.resolvedAt === null) return `from ${start} UTC, until further notice`;
  const end = formatZonedDateTime(Date.parse(incident.resolvedAt), "UTC");
  return `from ${start} to ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end} UTC`;
}

/** A closed review's summary, in Markdown: its headline, then the notes and decisions typed. */
export function reviewClosedSummary(week: string, h: { services: number; met: number; missed: number; budgetsExhausted: number; ongoingIncidents: number }, notes: string, closedBy: string): string {
  const trimmed = notes.trim();
  const cut = trimmed.length > 4000 ? `${trimmed.slice(0, 4000)}…` : trimmed;
  return [
    `**${week}**, closed by ${closedBy}.`,
    "",
    `- Met their target: **${h.met}** of ${h.services} services; missed: **${h.missed}**`,
    `- Budgets exhausted: **${h.budgetsExhausted}** · ongoing incidents: **${h.ongoingIncidents}**`,
    "",
    "Notes and decisions:",
    "",
    cut || "_none_",
  ].join("\n");
}

type TeamOnly = Extract<NotificationEvent, { type: "slo.burn_state" | "slo.budget_exhausted" | "risk.review_due" }>;

/** SLOs' and risks' news: for the team only (a public channel never hears of figures or risks). */
function teamOnlyMessage(event: TeamOnly, baseUrl: string): NotificationMessage {
  const base = { event: event.type, audience: "internal" as const, occurredAt: event.at };
  if (event.type === "risk.review_due") {
    const r = event.risk;
    return {
      ...base,
      title: `Risk review ${event.overdue ? "overdue" : "due"}: ${r.reference} ${r.title}`,
      text: event.overdue ? "The review of this risk is past its date." : "The review of this risk is due within a day.",
      facts: [{ label: "Level", value: r.level }, { label: "Due", value: r.dueAt }, { label: "Services", value: r.services.map((s) => s.name).join(", ") || "none" }],
      link: `${baseUrl}/risks/${r.reference}`,
      reference: r.reference,
      data: { risk: { reference: r.reference, title: r.title, level: r.level, dueAt: r.dueAt, services: r.services.map((s) => s.name) }, overdue: event.overdue },
    };
  }
  const slo = event.slo;
  const name = `${slo.service.name} · ${slo.name}`;
  const left = event.remainingRatio === null ? "unknown" : formatPercent(event.remainingRatio, 1);
  const facts = [{ label: "Target", value: formatPercent(slo.target) }, { label: "Window", value: slo.window }, { label: "Budget left", value: left }];
  const common = { ...base, facts, link: `${baseUrl}/services/${slo.service.slug}`, reference: null, data: { slo: { id: slo.id, name: slo.name, service: slo.service.slug, target: slo.target, window: slo.window }, remainingRatio: event.remainingRatio } };
  if (event.type === "slo.budget_exhausted") return { ...common, title: `Budget exhausted: ${name}`, text: "The error budget of this SLO's window is spent: the objective is missed unless the window's end brings it back." };
  return {
    ...common,
    title: `${BURN_STATE_LABELS[event.to]}: ${name}`,
    text: event.to === "ok" ? `No longer burning fast (was: ${BURN_STATE_LABELS[event.from].toLowerCase()}).` : `The budget is being spent faster than the window allows (was: ${BURN_STATE_LABELS[event.from].toLowerCase()}).`,
    data: { ...common.data, from: event.from, to: event.to },
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A test message, so an admin sees a channel work. */
export function testMessage(channelName: string, audience: Audience, at: string): NotificationMessage {
  return { event: "test", audience, title: `Test from Nines to ${channelName}`, text: "If you read this, the channel works.", facts: [], link: null, reference: null, occurredAt: at, data: {} };
}

/** The JSON a webhook receives; `id` is the idempotency key (the same on every retry). */
export function webhookBody(message: NotificationMessage, key: string): string {
  const { event, audience, title, text, link, reference, occurredAt, data } = message;
  return JSON.stringify({ id: key, event, audience, occurredAt, title, text, link, reference, data });
}

/** Slack's mrkdwn treats these three as markup; everything else is text. */
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack-compatible incoming webhook's body: Block Kit, with a plain `text` fallback. */
export function slackBody(message: NotificationMessage, key: string): string {
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text: `*${slackEscape(message.title)}*\n${slackEscape(message.text)}` } }];
  if (message.facts.length) blocks.push({ type: "section", fields: message.facts.map((f) => ({ type: "mrkdwn", text: `*${slackEscape(f.label)}*\n${slackEscape(f.value)}` })) });
  const link = message.link ? ` · <${message.link}|Open in Nines>` : "";
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Nines · ${message.event}${link} · id ${key}` }] });
  return JSON.stringify({ text: `${message.title}: ${message.text}`, blocks });
}

/** An email's subject and plain text. */
export function emailContent(message: NotificationMessage, key: string): { subject: string; text: string } {
  const lines = [message.text, "", ...message.facts.map((f) => `${f.label}: ${f.value}`)];
  if (message.attachments?.length) lines.push("", `Attached: ${message.attachments.map((a) => a.fileName).join(", ")}`);
  if (message.link) lines.push("", `Open in Nines: ${message.link}`);
  lines.push("", `Sent by Nines (${message.event}, id ${key}).`);
  return { subject: `[Nines] ${message.title}`, text: lines.join("\n") };
}
