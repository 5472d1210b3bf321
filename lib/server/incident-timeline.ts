import "server-only";
import type { TimelineEventType } from "@/lib/generated/prisma/enums";
import type { IncidentDto } from "./incidents-read";

export type TimelineDraft = { type: TimelineEventType; at: Date; message: string };

const MILESTONE_EVENTS = {
  detectedAt: "detected",
  acknowledgedAt: "acknowledged",
  mitigatedAt: "mitigated",
  resolvedAt: "resolved",
} as const;

const LABELS: Record<string, string> = {
  title: "Title",
  severity: "Severity",
  kind: "Kind",
  startedAt: "Start of impact",
  summary: "Summary",
  rootCause: "Root cause",
  postmortem: "Postmortem",
  source: "Source",
  externalId: "External id",
};

const pct = (f: number) => `${Math.round(f * 10000) / 100} %`;
const short = (v: unknown) => {
  const s = v === null || v === undefined || v === "" ? "(empty)" : String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/** Events for a newly logged incident: one for the opening and one per milestone given. */
export function creationEvents(inc: IncidentDto, actorName: string): TimelineDraft[] {
  const events: TimelineDraft[] = [
    { type: "note", at: new Date(inc.startedAt), message: `${inc.reference} logged by ${actorName}: impact began` },
  ];
  for (const [field, type] of Object.entries(MILESTONE_EVENTS)) {
    const at = inc[field as keyof typeof MILESTONE_EVENTS];
    if (at) events.push({ type, at: new Date(at), message: `${type[0]?.toUpperCase()}${type.slice(1)}` });
  }
  return events;
}

/**
 * One event per changed field, so the timeline alone tells the incident's whole history.
 * Milestones get their own event type at the milestone's instant; other edits happen "now".
 */
export function changeEvents(before: IncidentDto, after: IncidentDto, now: Date): TimelineDraft[] {
  const events: TimelineDraft[] = [];
  for (const [field, type] of Object.entries(MILESTONE_EVENTS)) {
    const key = field as keyof typeof MILESTONE_EVENTS;
    if (before[key] === after[key]) continue;
    if (after[key]) {
      const verb = before[key] ? `${type} time corrected from ${before[key]} to ${after[key]}` : `${type[0]?.toUpperCase()}${type.slice(1)}`;
      events.push({ type, at: new Date(after[key] as string), message: verb });
    } else {
      events.push({ type: "update", at: now, message: `${type} time cleared (was ${before[key]})` });
    }
  }
  if (before.status !== after.status) {
    events.push({ type: "status_change", at: now, message: `Status changed from ${before.status} to ${after.status}` });
  }
  for (const field of Object.keys(LABELS) as (keyof IncidentDto)[]) {
    if (before[field] === after[field]) continue;
    const long = field === "summary" || field === "rootCause" || field === "postmortem";
    const message = long
      ? `${LABELS[field]} updated`
      : `${LABELS[field]} changed from ${short(before[field])} to ${short(after[field])}`;
    events.push({ type: "update", at: now, message });
  }
  const was = new Map(before.impacts.map((i) => [i.service, i]));
  const is = new Map(after.impacts.map((i) => [i.service, i]));
  for (const [slug, impact] of is) {
    const old = was.get(slug);
    if (!old) events.push({ type: "update", at: now, message: `Impact on ${slug} added at ${pct(impact.fraction)}` });
    else if (old.fraction !== impact.fraction || old.startedAt !== impact.startedAt || old.endedAt !== impact.endedAt) {
      events.push({
        type: "update",
        at: now,
        message: `Impact on ${slug} changed from ${pct(old.fraction)} to ${pct(impact.fraction)}` +
          (old.startedAt !== impact.startedAt || old.endedAt !== impact.endedAt
            ? `, interval ${short(impact.startedAt ?? "incident start")} – ${short(impact.endedAt ?? "incident end")}`
            : ""),
      });
    }
  }
  for (const slug of was.keys()) {
    if (!is.has(slug)) events.push({ type: "update", at: now, message: `Impact on ${slug} removed` });
  }
  return events;
}
