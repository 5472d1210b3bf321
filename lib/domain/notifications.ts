/**
 * What Nines tells people, and whom: the events it announces, which subscriptions an event
 * matches, and when a failed delivery is tried again. Pure; the messages themselves are in
 * notification-message.ts.
 */
import type { Severity } from "./incident-lifecycle";
import { reportScopeKey } from "./report-period";

export const NOTIFICATION_EVENTS = [
  "incident.declared",
  "incident.updated",
  "incident.milestone",
  "incident.resolved",
  "slo.burn_state",
  "slo.budget_exhausted",
  "review.closed",
  "risk.review_due",
  "probe.incident",
  "policy.frozen",
  "policy.thawed",
  "report.month",
  "report.quarter",
  "report.year",
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_EVENT_LABELS: Record<NotificationEventType, string> = {
  "incident.declared": "Incident declared",
  "incident.updated": "Incident updated",
  "incident.milestone": "Incident milestone (detected, acknowledged, mitigated)",
  "incident.resolved": "Incident resolved",
  "slo.burn_state": "SLO burn state changed",
  "slo.budget_exhausted": "SLO budget exhausted",
  "review.closed": "Weekly review closed",
  "risk.review_due": "Risk review due or overdue",
  "probe.incident": "A probe opened or resolved an incident",
  "policy.frozen": "Service frozen by its error-budget policy",
  "policy.thawed": "Freeze ended (budget recovered, or lifted early)",
  "report.month": "Monthly report",
  "report.quarter": "Quarterly report",
  "report.year": "Yearly report",
};

/** The events as Settings offers them, in groups a person scans; every event is in one. */
export const NOTIFICATION_EVENT_GROUPS: readonly { title: string; hint: string | null; events: readonly NotificationEventType[] }[] = [
  { title: "Incidents", hint: null, events: ["incident.declared", "incident.updated", "incident.milestone", "incident.resolved", "probe.incident"] },
  { title: "Objectives and the error-budget policy", hint: null, events: ["slo.burn_state", "slo.budget_exhausted", "policy.frozen", "policy.thawed"] },
  { title: "Reviews and risks", hint: null, events: ["review.closed", "risk.review_due"] },
  {
    title: "Period reports",
    hint: "Sent once each period ends in the organisation's time zone: a summary and a link, with the PDF attached by email. With no service or tier chosen, the organisation's report; otherwise one report for each tier and service chosen. Never sent to public channels.",
    events: ["report.month", "report.quarter", "report.year"],
  },
];

/** The period reports' events, one per kind of period (decision 0036). */
export const REPORT_EVENTS = { month: "report.month", quarter: "report.quarter", year: "report.year" } as const satisfies Record<string, NotificationEventType>;
export type ReportEventType = (typeof REPORT_EVENTS)[keyof typeof REPORT_EVENTS];
export const isReportEvent = (type: string): type is ReportEventType => (Object.values(REPORT_EVENTS) as string[]).includes(type);

export const CHANNEL_TYPES = ["webhook", "slack", "email"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const AUDIENCES = ["internal", "public"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A service an event concerns: filters match on its id and its tier's. */
export type EventService = { id: string; name: string; tierId: string | null };

/**
 * What a subscription filters on; every list empty means "everything". `report`: a period
 * report's scope key ("org", "tier:<id>", "service:<id>"), for the report events only.
 */
export type EventScope = { services: readonly EventService[]; severity: Severity | null; public: boolean; report?: string };

export type SubscriptionRule = {
  events: readonly string[];
  serviceIds: readonly string[];
  tierIds: readonly string[];
  severities: readonly string[];
  publicOnly: boolean;
};

/**
 * Whether a subscription wants an event. A filter on services or tiers matches when any service
 * the event concerns is in it (an event about no service, a review's closing, matches only
 * subscriptions without one); a filter on severities only lets incidents of those through.
 * `publicOnly` keeps internal updates back. A report matches the subscriptions whose filter names
 * its scope (reportScopesOf).
 */
export function subscriptionMatches(rule: SubscriptionRule, type: NotificationEventType, scope: EventScope): boolean {
  if (!rule.events.includes(type)) return false;
  if (isReportEvent(type)) return scope.report !== undefined && reportScopesOf(rule).includes(scope.report);
  if (rule.serviceIds.length && !scope.services.some((s) => rule.serviceIds.includes(s.id))) return false;
  if (rule.tierIds.length && !scope.services.some((s) => s.tierId !== null && rule.tierIds.includes(s.tierId))) return false;
  if (rule.severities.length && (scope.severity === null || !rule.severities.includes(scope.severity))) return false;
  if (rule.publicOnly && !scope.public) return false;
  return true;
}

/**
 * The reports a subscription to a report event asks for, as scope keys: without a service or tier
 * filter, the organisation's; otherwise one for each tier and each service it names. A filter on
 * severities or on public updates lets no report through, as it lets no review's closing through
 * (a report is about no one incident, and is the team's).
 */
export function reportScopesOf(rule: Pick<SubscriptionRule, "serviceIds" | "tierIds" | "severities" | "publicOnly">): string[] {
  if (rule.severities.length || rule.publicOnly) return [];
  if (!rule.serviceIds.length && !rule.tierIds.length) return ["org"];
  return [...new Set([...rule.tierIds.map((id) => reportScopeKey({ kind: "tier", id })), ...rule.serviceIds.map((id) => reportScopeKey({ kind: "service", id }))])];
}

/** A delivery is tried again for this long after it was written, then marked failed. */
export const RETRY_FOR_MS = 24 * 3_600_000;
const FIRST_RETRY_MS = 5_000;
const LONGEST_WAIT_MS = 30 * 60_000;

/**
 * When a delivery that just failed its `attempts`-th attempt is tried next: 5 s, then doubling to
 * at most 30 min, while 24 h have not passed since it was written; null: give up (failed).
 */
export function nextAttemptAt(createdAt: number, now: number, attempts: number): number | null {
  const wait = Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
  const at = now + wait;
  if (now >= createdAt + RETRY_FOR_MS) return null;
  return Math.min(at, createdAt + RETRY_FOR_MS);
}

/** The log of attempts is kept this long. */
export const DELIVERY_LOG_DAYS = 30;
