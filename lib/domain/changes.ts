/**
 * Changes (deploys, config changes, flag flips) beside incidents, the freezes of the error-budget
 * policy as periods, and a required postmortem as overdue work: the rules and the words, pure.
 */
import { formatZonedDateTime } from "./time-zone";

export const CHANGE_KINDS = ["deploy", "config", "flag"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** "api": a pipeline posted it; "gate": the release gate recorded a release it let through. */
export const CHANGE_SOURCES = ["api", "gate"] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

/** How far before an incident's start its page looks for changes: the usual suspects. */
export const CHANGES_BEFORE_INCIDENT_MS = 2 * 3_600_000;

/** The window an incident's page lists changes from: [start − 2 h, start], both ends included. */
export function changesWindowBefore(startedAt: number): { from: number; to: number } {
  return { from: startedAt - CHANGES_BEFORE_INCIDENT_MS, to: startedAt };
}

/** What a kind is called in a sentence and on a marker (the marker's shape says it too). */
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = { deploy: "Deploy", config: "Config change", flag: "Flag change" };

/** A freeze as stored: a period with a start, an end (null while it holds) and who lifted it early. */
export type FreezePeriod = {
  startedAt: number;
  endedAt: number | null;
  recoversAt: number | null;
  liftedAt: number | null;
  liftedBy: string | null;
  liftReason: string | null;
};

/**
 * When a freeze stopped holding: lifted early or ended, whichever came first; null while it
 * holds. As of `asOf`, an end still to come is no end yet (a closed review shows it as it was).
 */
export function freezeEnd(f: Pick<FreezePeriod, "endedAt" | "liftedAt">, asOf: number): number | null {
  const ends = [f.endedAt, f.liftedAt].filter((t): t is number => t !== null && t <= asOf);
  return ends.length ? Math.min(...ends) : null;
}

/** Whether a freeze held at some time in [from, to), as known at asOf. */
export function freezeOverlaps(f: FreezePeriod, from: number, to: number, asOf: number): boolean {
  if (f.startedAt >= to || f.startedAt > asOf) return false;
  const end = freezeEnd(f, asOf);
  return end === null || end > from;
}

/**
 * The review's line for a freeze: "frozen since …, recovers when …", or how it ended (lifted early
 * by someone, with their reason, or over). Times on the organisation's wall clock, the zone named.
 */
export function freezeLine(f: FreezePeriod, timeZone: string, asOf: number): string {
  const at = (t: number) => `${formatZonedDateTime(t, timeZone)} ${timeZone}`;
  const since = `frozen since ${at(f.startedAt)}`;
  const lifted = f.liftedAt !== null && f.liftedAt <= asOf && (f.endedAt === null || f.liftedAt <= f.endedAt);
  if (lifted) return `${since}, lifted early by ${f.liftedBy ?? "an admin"} at ${at(f.liftedAt as number)}: ${f.liftReason?.trim() || "no reason given"}`;
  const end = freezeEnd(f, asOf);
  if (end !== null) return `${since}, ended ${at(end)}`;
  return `${since}, recovers when ${f.recoversAt !== null ? at(f.recoversAt) : "its budget is back above the threshold"}`;
}

/** A required postmortem is overdue once its due time has passed and nothing is written yet. */
export function isPostmortemOverdue(p: { dueAt: number | null; postmortem: string }, now: number): boolean {
  return p.dueAt !== null && p.dueAt < now && p.postmortem.trim() === "";
}

/** "Postmortem required by 2026-12-04 10:00 UTC — <reason>", as the incident page and the review say it. */
export function postmortemRequiredText(dueAt: number, reason: string | null, timeZone: string): string {
  return `Postmortem required by ${formatZonedDateTime(dueAt, timeZone)} ${timeZone}${reason?.trim() ? ` — ${reason.trim()}` : ""}`;
}
