/**
 * The entries Nines writes on an incident's timeline by itself: one when it is declared, one per
 * milestone, one per field an edit changes. Stored as data, not sentences, so that each reader
 * sees them in their language and the organisation's time zone (components/incidents/
 * timeline-text.ts renders them). Pure.
 */
import { MILESTONES, SEVERITIES, type IncidentStatus, type Milestone, type Severity } from "./incident-lifecycle";
import { sameHolder, type HeldRole, type RoleHolder } from "./incident-roles";

export type TimelineEntryType =
  | "detected"
  | "acknowledged"
  | "update"
  | "status_change"
  | "mitigated"
  | "resolved"
  | "note"
  | "severity_change"
  | "title_change"
  | "kind_change"
  | "role_change";

/** What people post themselves (POST …/events); the rest only Nines writes. */
export const TYPED_ENTRY_TYPES = ["detected", "acknowledged", "update", "status_change", "mitigated", "resolved", "note"] as const satisfies readonly TimelineEntryType[];

export type ImpactState = { fraction: number; startedAt: string | null; endedAt: string | null };

export const TRACKED_FIELDS = ["title", "severity", "kind", "startedAt", "source", "externalId"] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];
export const TEXT_FIELDS = ["summary", "rootCause", "postmortem"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type TimelineData =
  | { kind: "opened"; reference: string }
  | { kind: "scheduled"; reference: string; plannedEnd: string | null }
  | { kind: "planned_end"; at: string | null; was: string | null }
  /** Set (was null) or corrected (was the earlier instant). */
  | { kind: "milestone"; milestone: Milestone; at: string; was: string | null }
  | { kind: "milestone_cleared"; milestone: Milestone; was: string }
  | { kind: "status"; from: IncidentStatus; to: IncidentStatus }
  | { kind: "field"; field: TrackedField; from: string | null; to: string | null }
  | { kind: "text"; field: TextField }
  | { kind: "impact_added"; service: string; to: ImpactState }
  | { kind: "impact_changed"; service: string; from: ImpactState; to: ImpactState }
  | { kind: "impact_removed"; service: string; from: ImpactState }
  /** A role assigned (from null), handed over, or cleared (to null). */
  | { kind: "role"; role: string; from: RoleHolder | null; to: RoleHolder | null };

export type HistoryEntry = { type: TimelineEntryType; at: string; data: TimelineData };

/** What the history compares: any incident DTO has these fields. */
export type IncidentState = Record<TrackedField | TextField, string | null> &
  Partial<Record<Milestone, string | null>> & {
    reference: string;
    status: IncidentStatus;
    /** When it was written: a scheduled maintenance's opening is then, not at its planned start. */
    createdAt?: string;
    impacts: readonly ({ service: string } & ImpactState)[];
    /** The incident roles' holders, compared when both states carry them. */
    holders?: readonly HeldRole[];
  };

/** The fields whose change is an entry of its own type: the ones people correct while it runs. */
const FIELD_ENTRY: Partial<Record<TrackedField, TimelineEntryType>> = { severity: "severity_change", title: "title_change", kind: "kind_change" };

/** SEV3 → SEV1 is raised (SEV1 is the most severe), SEV1 → SEV3 lowered. */
export function severityDirection(from: Severity, to: Severity): "raised" | "lowered" | "unchanged" {
  const d = SEVERITIES.indexOf(from) - SEVERITIES.indexOf(to);
  return d > 0 ? "raised" : d < 0 ? "lowered" : "unchanged";
}

/** The next more severe level, or null at SEV1: what "escalate" moves to. */
export function escalatedSeverity(severity: Severity): Severity | null {
  const i = SEVERITIES.indexOf(severity);
  return i > 0 ? (SEVERITIES[i - 1] as Severity) : null;
}

/** One entry per role whose holder changed (assigned, handed over, cleared), in role order. */
export function roleEntries(before: readonly HeldRole[], after: readonly HeldRole[], now: string): HistoryEntry[] {
  const holder = (h: HeldRole | undefined): RoleHolder | null => (h ? { user: h.user, name: h.name } : null);
  const was = new Map(before.map((h) => [h.role, h]));
  const is = new Map(after.map((h) => [h.role, h]));
  const roles = [...new Set([...was.keys(), ...is.keys()])].sort();
  return roles.flatMap((role) => {
    const from = holder(was.get(role));
    const to = holder(is.get(role));
    return sameHolder(from, to) ? [] : [{ type: "role_change" as const, at: now, data: { kind: "role" as const, role, from, to } }];
  });
}

/** The timeline entry type of each milestone after the start. */
export const MILESTONE_ENTRY: Record<Exclude<Milestone, "startedAt">, (typeof TYPED_ENTRY_TYPES)[number]> = {
  detectedAt: "detected",
  acknowledgedAt: "acknowledged",
  mitigatedAt: "mitigated",
  resolvedAt: "resolved",
};

const LATER_MILESTONES = MILESTONES.filter((m): m is Exclude<Milestone, "startedAt"> => m !== "startedAt");

/** A declared incident: its opening, and each milestone it was declared with. */
export function openingEntries(incident: IncidentState): HistoryEntry[] {
  // Scheduled maintenance is declared ahead: its start and end are a plan, entered when it was planned.
  if (incident.status === "scheduled") {
    return [{ type: "note", at: incident.createdAt ?? (incident.startedAt as string), data: { kind: "scheduled", reference: incident.reference, plannedEnd: incident.resolvedAt ?? null } }];
  }
  const entries: HistoryEntry[] = [{ type: "note", at: incident.startedAt as string, data: { kind: "opened", reference: incident.reference } }];
  for (const milestone of LATER_MILESTONES) {
    const at = incident[milestone];
    if (at) entries.push({ type: MILESTONE_ENTRY[milestone], at, data: { kind: "milestone", milestone, at, was: null } });
  }
  return entries;
}

const impactState = (i: ImpactState): ImpactState => ({ fraction: i.fraction, startedAt: i.startedAt, endedAt: i.endedAt });
const sameImpact = (a: ImpactState, b: ImpactState) => a.fraction === b.fraction && a.startedAt === b.startedAt && a.endedAt === b.endedAt;

/**
 * One entry per change, so the timeline alone tells the incident's whole history. A milestone is
 * entered at its own instant; every other change at `now`.
 */
export function changeEntries(before: IncidentState, after: IncidentState, now: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const milestone of LATER_MILESTONES) {
    const was = before[milestone] ?? null;
    const is = after[milestone] ?? null;
    if (was === is) continue;
    // Moving a scheduled maintenance's planned end is a change of plan, said when it is made.
    if (milestone === "resolvedAt" && before.status === "scheduled" && after.status === "scheduled") {
      entries.push({ type: "update", at: now, data: { kind: "planned_end", at: is, was } });
      continue;
    }
    if (is) entries.push({ type: MILESTONE_ENTRY[milestone], at: is, data: { kind: "milestone", milestone, at: is, was } });
    else if (was) entries.push({ type: "update", at: now, data: { kind: "milestone_cleared", milestone, was } });
  }
  if (before.status !== after.status) entries.push({ type: "status_change", at: now, data: { kind: "status", from: before.status, to: after.status } });
  for (const field of TRACKED_FIELDS) {
    if (before[field] !== after[field]) entries.push({ type: FIELD_ENTRY[field] ?? "update", at: now, data: { kind: "field", field, from: before[field], to: after[field] } });
  }
  for (const field of TEXT_FIELDS) {
    if (before[field] !== after[field]) entries.push({ type: "update", at: now, data: { kind: "text", field } });
  }
  const was = new Map(before.impacts.map((i) => [i.service, i]));
  const is = new Map(after.impacts.map((i) => [i.service, i]));
  for (const [service, impact] of is) {
    const old = was.get(service);
    if (!old) entries.push({ type: "update", at: now, data: { kind: "impact_added", service, to: impactState(impact) } });
    else if (!sameImpact(old, impact)) entries.push({ type: "update", at: now, data: { kind: "impact_changed", service, from: impactState(old), to: impactState(impact) } });
  }
  for (const [service, impact] of was) {
    if (!is.has(service)) entries.push({ type: "update", at: now, data: { kind: "impact_removed", service, from: impactState(impact) } });
  }
  if (before.holders && after.holders) entries.push(...roleEntries(before.holders, after.holders, now));
  return entries;
}
