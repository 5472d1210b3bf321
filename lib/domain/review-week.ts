/**
 * The weekly availability review's rules: which week (ISO weeks, cut in the organisation's zone),
 * the instants its figures are taken at, its headline, and what changed since a review was closed.
 * Pure.
 */
import { calendarSpecContaining, formatWindowLabel, parseWindow, resolveCalendar, shiftCalendarSpec, type ResolvedWindow } from "./windows";
import { budgetLeftText } from "./format";

/** "2026-W48" → the week's window in the zone, or null if it is not an ISO week. */
export function reviewWeekWindow(week: string, timeZone: string): ResolvedWindow | null {
  const spec = parseWindow(`week:${week}`);
  return spec && spec.kind === "week" ? resolveCalendar(spec, { timeZone }) : null;
}

/** The ISO week containing an instant, "2026-W48". */
export function weekOf(instant: number, timeZone: string): string {
  return formatWindowLabel(calendarSpecContaining("week", instant, { timeZone })).slice("week:".length);
}

/** The latest `count` weeks up to the one containing `now`, newest first. */
export function recentWeeks(now: number, count: number, timeZone: string): string[] {
  const current = calendarSpecContaining("week", now, { timeZone });
  return Array.from({ length: count }, (_, i) => formatWindowLabel(shiftCalendarSpec(current, -i)).slice("week:".length));
}

/**
 * The instants a review's figures are taken at: the week's own figures as of `asOf` (measured up
 * to the week's end or asOf, whichever is first); the SLO window as of the week's end, or as of
 * `asOf` while the week is still running.
 */
export function reviewInstants(window: ResolvedWindow, asOf: number): { asOf: number; sloAsOf: number } {
  return { asOf, sloAsOf: Math.min(window.to, asOf) };
}

export type ReviewIncidentFacts = {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly severity: string;
  readonly kind: string;
  readonly services: readonly string[];
  readonly startedAt: string;
  readonly resolvedAt: string | null;
};

export type ReviewServiceFacts = {
  readonly slug: string;
  /** null where the figure could not be computed. */
  readonly weekAvailability: number | null;
  readonly weekDowntimeSeconds: number | null;
  readonly budgetRemainingRatio: number | null;
};

export type ReviewChange = { readonly kind: "incident" | "service"; readonly key: string; readonly message: string };

const formatAt = (iso: string | null, describe: (iso: string) => string) => (iso === null ? "ongoing" : describe(iso));
// Figures are compared to 1e-9: equal computations agree to the last bit, but a float printed and
// read back need not, and a change a person would care about is far larger.
const differs = (a: number | null, b: number | null) => (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9);

/**
 * What a fresh computation (same instants, today's data) says differently from the stored
 * snapshot, in words: "INC-412's end was corrected (was 10:42, now 11:05)".
 */
export function reviewChanges(
  before: { incidents: readonly ReviewIncidentFacts[]; services: readonly ReviewServiceFacts[] },
  after: { incidents: readonly ReviewIncidentFacts[]; services: readonly ReviewServiceFacts[] },
  describeInstant: (iso: string) => string,
  describeRatio: (ratio: number) => string,
): ReviewChange[] {
  const changes: ReviewChange[] = [];
  const now = new Map(after.incidents.map((i) => [i.id, i]));
  for (const was of before.incidents) {
    const is = now.get(was.id);
    const add = (message: string) => changes.push({ kind: "incident", key: was.reference, message });
    if (!is) {
      add(`${was.reference} was deleted or no longer falls in this week`);
      continue;
    }
    if (was.startedAt !== is.startedAt) add(`${was.reference}'s start was corrected (was ${describeInstant(was.startedAt)}, now ${describeInstant(is.startedAt)})`);
    if (was.resolvedAt !== is.resolvedAt) add(`${was.reference}'s end was corrected (was ${formatAt(was.resolvedAt, describeInstant)}, now ${formatAt(is.resolvedAt, describeInstant)})`);
    if (was.severity !== is.severity) add(`${was.reference}'s severity changed from ${was.severity} to ${is.severity}`);
    if (was.kind !== is.kind) add(`${was.reference} is now ${is.kind === "maintenance" ? "planned maintenance" : "unplanned"}`);
    if (was.title !== is.title) add(`${was.reference} was renamed “${is.title}”`);
    if ([...was.services].sort().join() !== [...is.services].sort().join()) add(`${was.reference}'s services changed (were ${was.services.join(", ")}, now ${is.services.join(", ")})`);
  }
  const known = new Set(before.incidents.map((i) => i.id));
  for (const is of after.incidents) if (!known.has(is.id)) changes.push({ kind: "incident", key: is.reference, message: `${is.reference} was logged for this week after the review` });
  const services = new Map(after.services.map((s) => [s.slug, s]));
  for (const was of before.services) {
    const is = services.get(was.slug);
    if (!is) continue;
    if (differs(was.weekAvailability, is.weekAvailability)) {
      const from = was.weekAvailability === null ? "not computed" : describeRatio(was.weekAvailability);
      const to = is.weekAvailability === null ? "not computed" : describeRatio(is.weekAvailability);
      changes.push({ kind: "service", key: was.slug, message: `${was.slug}: the week's availability was ${from}, is now ${to}` });
    } else if (differs(was.budgetRemainingRatio, is.budgetRemainingRatio)) {
      // The budget as it is read everywhere else: "12.5 % left", "overspent by 48.6 %".
      const from = was.budgetRemainingRatio === null ? "not computed" : budgetLeftText(was.budgetRemainingRatio);
      const to = is.budgetRemainingRatio === null ? "not computed" : budgetLeftText(is.budgetRemainingRatio);
      changes.push({ kind: "service", key: was.slug, message: `${was.slug}: the budget was ${from}, is now ${to}` });
    }
  }
  return changes;
}

/**
 * The week's top incidents by budget cost: each incident's largest share of a service's budget
 * for the week (the availability API's `budgetShare`), then its total downtime.
 */
export function topIncidentsByBudget<T extends { id: string; downtimeSeconds: number; budgetShare: number }>(perService: readonly (readonly T[])[], limit = 5): (T & { totalDowntimeSeconds: number; services: number })[] {
  const byId = new Map<string, T & { totalDowntimeSeconds: number; services: number }>();
  for (const list of perService) {
    for (const i of list) {
      const seen = byId.get(i.id);
      if (!seen) byId.set(i.id, { ...i, totalDowntimeSeconds: i.downtimeSeconds, services: 1 });
      else {
        seen.totalDowntimeSeconds += i.downtimeSeconds;
        seen.services += 1;
        if (i.budgetShare > seen.budgetShare) byId.set(i.id, { ...seen, ...i, totalDowntimeSeconds: seen.totalDowntimeSeconds, services: seen.services });
      }
    }
  }
  return [...byId.values()].sort((a, b) => b.budgetShare - a.budgetShare || b.totalDowntimeSeconds - a.totalDowntimeSeconds).slice(0, limit);
}

/**
 * What a week spent of a service's error budget: the week's counted downtime as a share of the SLO
 * window's whole budget (null when the window has no budget to spend).
 */
export function weekSpend(weekConsumedSeconds: number, windowBudgetSeconds: number): { seconds: number; shareOfBudget: number } | null {
  return windowBudgetSeconds > 0 ? { seconds: weekConsumedSeconds, shareOfBudget: weekConsumedSeconds / windowBudgetSeconds } : null;
}
