/**
 * Which notifications a change to an incident causes: a milestone reached (resolved being its own
 * event), or a correction the team should hear of (severity, title, kind, status). Pure.
 */
import type { IncidentFacts, NotificationEvent, PublicMilestone } from "./notification-message";

export type MilestoneState = { detectedAt: string | null; acknowledgedAt: string | null; mitigatedAt: string | null; resolvedAt: string | null };
type Compared = MilestoneState & Pick<IncidentFacts, "title" | "severity" | "kind" | "status">;

const MILESTONE_FIELDS: [keyof MilestoneState, PublicMilestone][] = [
  ["detectedAt", "detected"],
  ["acknowledgedAt", "acknowledged"],
  ["mitigatedAt", "mitigated"],
];

/** Events for an edit from `before` to `after` (the incident as it is now in `facts`). */
export function incidentEditEvents(before: Compared, after: Compared, facts: IncidentFacts, at: string, author: string): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  for (const [field, milestone] of MILESTONE_FIELDS) {
    if (before[field] === null && after[field] !== null) events.push({ type: "incident.milestone", at, incident: facts, milestone });
  }
  // A scheduled maintenance's planned end, set or moved, resolves nothing until the clock reaches it.
  const over = (s: Compared) => s.resolvedAt !== null && (s.status !== "scheduled" || Date.parse(s.resolvedAt) <= Date.parse(at));
  if (!over(before) && over(after)) events.push({ type: "incident.resolved", at, incident: facts });
  const changes: string[] = [];
  if (before.severity !== after.severity) changes.push(`Severity changed from ${before.severity} to ${after.severity}`);
  if (before.title !== after.title) changes.push(`Title changed from “${before.title}” to “${after.title}”`);
  if (before.kind !== after.kind) changes.push(`Kind changed from ${before.kind} to ${after.kind}`);
  // A status a milestone or resolution moved is told by that event.
  if (before.status !== after.status && events.length === 0) changes.push(`Status changed from ${before.status} to ${after.status}`);
  if (changes.length) events.push({ type: "incident.updated", at, incident: facts, update: { message: `${changes.join(". ")}.`, public: false, author } });
  return events;
}
