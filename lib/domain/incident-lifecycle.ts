/**
 * The incident's rules in one place (docs/domain.md "Incident lifecycle"):
 * severities and statuses, the order of milestones, status ⇔ resolvedAt, the INC-<n> reference,
 * a service's effective SLO, and the copies of its incident that an impact row carries. Pure: the
 * schemas, the server's writes and reads, and the pages all call these.
 */

import { formatZonedDateTime } from "./time-zone";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One line each, shown where a severity is chosen: people pick it under stress. */
export const SEVERITY_MEANINGS: Record<Severity, string> = {
  SEV1: "Critical: a core service is down or losing data for most users",
  SEV2: "Major: a core feature is broken or badly degraded for many users",
  SEV3: "Minor: a feature is degraded for some users; a workaround exists",
  SEV4: "Low: little user impact, but it needs fixing",
  SEV5: "Informational: planned work or a near miss, no user impact expected",
};

export const INCIDENT_KINDS = ["unplanned", "maintenance"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/**
 * In the order an incident moves through them. `scheduled` is planned maintenance entered ahead:
 * its startedAt and resolvedAt are the planned start and end, and the clock, not an edit, moves it
 * from upcoming to ongoing to over (incidentPhase).
 */
export const INCIDENT_STATUSES = ["scheduled", "investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What a person may choose for an unresolved incident (resolved comes from the milestone). */
export const WORKING_STATUSES = ["investigating", "identified", "monitoring"] as const satisfies readonly IncidentStatus[];

/** The milestones in the order they must happen. */
export const MILESTONES = ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"] as const;
export type Milestone = (typeof MILESTONES)[number];

export const MILESTONE_LABELS: Record<Milestone, string> = {
  startedAt: "Impact began",
  detectedAt: "Detected",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
};

export type Issue = { path: string; message: string };

// ------------------------------------------------------------------------------------------------
// References

/** INC-<number>: how people name an incident aloud and in chat. */
export function incidentReference(number: number): string {
  return `INC-${number}`;
}

/** The number in "INC-42" (any case), or null for anything else. */
export function parseIncidentReference(text: string): number | null {
  const m = /^inc-([1-9][0-9]{0,9})$/i.exec(text.trim());
  const n = m?.[1] === undefined ? Number.NaN : Number(m[1]);
  return Number.isSafeInteger(n) && n <= 2_147_483_647 ? n : null;
}

// ------------------------------------------------------------------------------------------------
// Milestones and status

/** Instants as epoch ms, Dates or ISO strings (as DTOs carry them); absent ones null or undefined. */
type At = number | Date | string | null | undefined;
export type MilestoneTimes = Partial<Record<Milestone, At>> & { startedAt: number | Date | string };

const ms = (at: At): number | null => (at === null || at === undefined ? null : typeof at === "number" ? at : typeof at === "string" ? Date.parse(at) : at.getTime());

/**
 * started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved, skipping absent ones. Each issue names
 * the later milestone and the one it must not precede, at its instant in `timeZone` (the
 * organisation's, named: people read these messages beside a field, not raw ISO).
 */
export function milestoneOrderIssues(times: MilestoneTimes, timeZone = "UTC"): Issue[] {
  const issues: Issue[] = [];
  let latest: { name: Milestone; at: number } | null = null;
  for (const name of MILESTONES) {
    const at = ms(times[name]);
    if (at === null) continue;
    if (latest && at < latest.at) issues.push({ path: name, message: `Must not be before ${MILESTONE_LABELS[latest.name].toLowerCase()} (${formatZonedDateTime(latest.at, timeZone)} ${timeZone})` });
    else latest = { name, at };
  }
  return issues;
}

/** The earliest and latest instant a milestone may take, given the others: what a form offers. */
export function milestoneBounds(times: MilestoneTimes, milestone: Milestone): { notBefore: number | null; notAfter: number | null } {
  const i = MILESTONES.indexOf(milestone);
  const before = MILESTONES.slice(0, i).map((m) => ms(times[m])).filter((x): x is number => x !== null);
  const after = MILESTONES.slice(i + 1).map((m) => ms(times[m])).filter((x): x is number => x !== null);
  return { notBefore: before.length ? Math.max(...before) : null, notAfter: after.length ? Math.min(...after) : null };
}

/**
 * A status is "resolved" exactly when the incident has a resolvedAt, except `scheduled`: planned
 * maintenance, whose resolvedAt (if known) is its planned end. Only maintenance is scheduled.
 */
export function statusIssues(status: IncidentStatus, resolvedAt: At, kind: IncidentKind = "unplanned"): Issue[] {
  if (status === "scheduled") return kind === "maintenance" ? [] : [{ path: "status", message: "Only planned maintenance is scheduled: set kind to maintenance" }];
  if (status === "resolved" && ms(resolvedAt) === null) return [{ path: "status", message: "A resolved incident needs resolvedAt" }];
  if (status !== "resolved" && ms(resolvedAt) !== null) return [{ path: "status", message: "Must be resolved when resolvedAt is set" }];
  return [];
}

/** How far ahead of the server's clock an instant may be before it is "in the future": clocks drift, and an integration's timestamps (Alertmanager, PagerDuty) come from clocks of their own. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Nothing is logged ahead of time except scheduled maintenance's planned start and end: an
 * unplanned incident that has not begun, or a detection still to come, is a typo.
 */
export function futureIssues(incident: MilestoneTimes & { status?: IncidentStatus | null; impacts?: readonly ImpactTimes[] }, now: number, timeZone = "UTC"): Issue[] {
  const issues: Issue[] = [];
  const ahead = (at: At) => (ms(at) ?? 0) > now + CLOCK_SKEW_MS;
  if (incident.status !== "scheduled") {
    (incident.impacts ?? []).forEach((impact, i) => {
      for (const key of ["startedAt", "endedAt"] as const) if (ahead(impact[key])) issues.push({ path: `impacts.${i}.${key}`, message: "Must not be in the future: only planned maintenance is entered ahead" });
    });
  }
  for (const name of MILESTONES) {
    const at = ms(incident[name]);
    if (at === null || at <= now + CLOCK_SKEW_MS) continue;
    if (incident.status === "scheduled" && (name === "startedAt" || name === "resolvedAt")) continue;
    const hint = name === "startedAt" || name === "resolvedAt" ? ": only planned maintenance is entered ahead (kind maintenance, status scheduled)" : "";
    issues.push({ path: name, message: `Must not be in the future (it is ${formatZonedDateTime(now, timeZone)} ${timeZone} now)${hint}` });
  }
  return issues;
}

/** The status a new incident gets when none is asked for: maintenance that starts later is scheduled. */
export function initialStatus(times: { resolvedAt?: At; mitigatedAt?: At; startedAt?: At; kind?: IncidentKind | undefined }, now = Date.now()): IncidentStatus {
  const start = ms(times.startedAt);
  if (times.kind === "maintenance" && start !== null && start > now) return "scheduled";
  if (ms(times.resolvedAt) !== null) return "resolved";
  return ms(times.mitigatedAt) !== null ? "monitoring" : "investigating";
}

/**
 * Where an incident stands at `now`, the one rule every "ongoing" read follows (the SQL twins are
 * in lib/server/incident-phase.ts). Scheduled maintenance goes by the clock: upcoming before its
 * planned start (it counts nowhere yet), ongoing until its planned end, over from then. Any other
 * incident is ongoing until it has a resolvedAt: an integration's clock a little ahead of ours
 * (CLOCK_SKEW_MS) must neither hide a real outage as "upcoming" nor keep a resolved one open.
 */
export type IncidentPhase = "upcoming" | "ongoing" | "over";
export function incidentPhase(incident: { startedAt: At; resolvedAt: At; status: IncidentStatus }, now: number): IncidentPhase {
  const end = ms(incident.resolvedAt);
  if (incident.status !== "scheduled") return end === null ? "ongoing" : "over";
  const start = ms(incident.startedAt);
  if (start !== null && start > now) return "upcoming";
  return end === null || end > now ? "ongoing" : "over";
}

/** The status as people read it: a scheduled maintenance says where it stands by the clock. */
export function statusLabel(status: IncidentStatus, phase: IncidentPhase): string {
  if (status !== "scheduled") return status;
  return phase === "upcoming" ? "scheduled" : phase === "ongoing" ? "in progress" : "completed";
}

/**
 * The status after an edit. An explicit one wins (and is then checked against resolvedAt);
 * otherwise resolving makes it resolved, reopening (resolvedAt cleared) makes it investigating
 * again, and an unresolved incident keeps its status.
 */
export function statusAfterEdit(args: { requested?: IncidentStatus | undefined; previous: IncidentStatus; wasResolved: boolean; resolvedAt: At; mitigatedAt: At; kind?: IncidentKind }): IncidentStatus {
  if (args.requested) return args.requested;
  // Moving a scheduled maintenance's start or planned end keeps it scheduled; made unplanned, it is worked on.
  if (args.previous === "scheduled" && args.kind !== "unplanned") return "scheduled";
  if (args.previous === "scheduled") return initialStatus(args);
  if (ms(args.resolvedAt) !== null) return "resolved";
  if (args.wasResolved) return "investigating";
  return args.previous === "resolved" ? initialStatus(args) : args.previous;
}

/** The status after a milestone is logged on the timeline ("Resolved" now, say). */
export function statusAfterMilestone(milestone: Milestone, previous: IncidentStatus): IncidentStatus {
  if (milestone === "resolvedAt") return "resolved";
  if (previous === "scheduled") return previous;
  if (milestone === "mitigatedAt" && previous !== "resolved") return "monitoring";
  return previous;
}

// ------------------------------------------------------------------------------------------------
// Impacts

export type ImpactTimes = { service: string; startedAt?: At; endedAt?: At };

/** One impact per service, each impact's own interval inside the incident's. */
export function impactIssues(incident: MilestoneTimes, impacts: readonly ImpactTimes[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const started = ms(incident.startedAt) as number;
  const resolved = ms(incident.resolvedAt);
  impacts.forEach((impact, i) => {
    if (seen.has(impact.service)) issues.push({ path: `impacts.${i}.service`, message: `'${impact.service}' is listed twice` });
    seen.add(impact.service);
    const own = { start: ms(impact.startedAt), end: ms(impact.endedAt) };
    if (own.start !== null && own.start < started) issues.push({ path: `impacts.${i}.startedAt`, message: "Must not be before the incident's startedAt" });
    if (own.start !== null && resolved !== null && own.start > resolved) issues.push({ path: `impacts.${i}.startedAt`, message: "Must not be after the incident's resolvedAt" });
    if (own.end !== null && own.end < (own.start ?? started)) issues.push({ path: `impacts.${i}.endedAt`, message: "Must not be before the impact's start" });
    if (own.end !== null && resolved !== null && own.end > resolved) issues.push({ path: `impacts.${i}.endedAt`, message: "Must not be after the incident's resolvedAt" });
  });
  return issues;
}

/** Every rule an incident as a whole must keep: milestones, status, impacts. */
export function incidentIssues(incident: MilestoneTimes & { status?: IncidentStatus | null; kind?: IncidentKind | undefined; impacts?: readonly ImpactTimes[] }, timeZone = "UTC", now?: number): Issue[] {
  return [
    ...milestoneOrderIssues(incident, timeZone),
    ...(incident.status ? statusIssues(incident.status, incident.resolvedAt, incident.kind ?? "unplanned") : []),
    ...(now === undefined ? [] : futureIssues(incident, now, timeZone)),
    ...impactIssues(incident, incident.impacts ?? []),
  ];
}

/**
 * What an impact row carries of its incident (so that availability reads one table), and its
 * effective bounds: its own start and end, else the incident's (an ongoing incident: open end).
 */
export type IncidentCopy = {
  number: number;
  title: string;
  kind: IncidentKind;
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
};

export function impactRowCopies(incident: IncidentCopy, impact: { startedAt?: Date | null; endedAt?: Date | null }) {
  return {
    kind: incident.kind,
    incidentStartedAt: incident.startedAt,
    incidentDetectedAt: incident.detectedAt,
    incidentAcknowledgedAt: incident.acknowledgedAt,
    incidentResolvedAt: incident.resolvedAt,
    incidentNumber: incident.number,
    incidentTitle: incident.title,
    effectiveStart: impact.startedAt ?? incident.startedAt,
    effectiveEnd: impact.endedAt ?? incident.resolvedAt,
  };
}

/** True when an edit changed what the impact rows copy beyond the title (their bounds may move). */
export function copiesChanged(before: IncidentCopy, after: IncidentCopy): boolean {
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  return (
    before.kind !== after.kind ||
    !same(before.startedAt, after.startedAt) ||
    !same(before.detectedAt, after.detectedAt) ||
    !same(before.acknowledgedAt, after.acknowledgedAt) ||
    !same(before.resolvedAt, after.resolvedAt)
  );
}

// ------------------------------------------------------------------------------------------------
// A service's effective SLO

export type SloSettings<W = string> = { sloTarget: number; sloWindow: W; maintenance: "count" | "exclude" };
export type SloOverrides<W = string> = { sloTarget: number | null; sloWindow: W | null; maintenance: "count" | "exclude" | null };

/** Each of the service's own settings, else its tier's. */
export function effectiveSlo<W>(own: SloOverrides<W>, tier: SloSettings<W>): SloSettings<W> {
  return {
    sloTarget: own.sloTarget ?? tier.sloTarget,
    sloWindow: own.sloWindow ?? tier.sloWindow,
    maintenance: own.maintenance ?? tier.maintenance,
  };
}
