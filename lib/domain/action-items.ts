/**
 * Action items: follow-up work from an incident or a risk (docs/domain.md "Action items"). Due dates are calendar
 * dates in the organisation's zone; an item is overdue once its due date has passed there and it
 * is still open. Pure.
 */
import { addDays, formatCivilDate, isValidCivilDate } from "./civil-date";
import { localDateOf } from "./time-zone";

export const ACTION_ITEM_STATUSES = ["open", "done", "wont_do"] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const ACTION_ITEM_STATUS_LABELS: Record<ActionItemStatus, string> = { open: "Open", done: "Done", wont_do: "Won't do" };

/** "2026-11-30": today's date on the organisation's wall calendar. */
export function todayIn(timeZone: string, now: number): string {
  return formatCivilDate(localDateOf(now, timeZone));
}

/** Open, with a due date before today (a date due today is not yet overdue). */
export function isOverdue(item: { status: ActionItemStatus; dueDate: string | null }, today: string): boolean {
  return item.status === "open" && item.dueDate !== null && item.dueDate < today;
}

/** "YYYY-MM-DD" that names a day on the calendar. */
export function isDateText(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isValidCivilDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Whether completing (done or won't do) happened or was undone by a status change. */
export function completionAfter(previous: ActionItemStatus, next: ActionItemStatus, previousAt: Date | null, now: Date): Date | null {
  if (next === "open") return null;
  return previous === "open" ? now : (previousAt ?? now);
}

/**
 * The order people work through them: overdue first (earliest due first), then the rest by due
 * date, items without one last; done and won't-do after every open one.
 */
export function compareActionItems(a: { status: ActionItemStatus; dueDate: string | null; title: string }, b: { status: ActionItemStatus; dueDate: string | null; title: string }): number {
  const openA = a.status === "open" ? 0 : 1;
  const openB = b.status === "open" ? 0 : 1;
  if (openA !== openB) return openA - openB;
  if (a.dueDate !== b.dueDate) return a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate < b.dueDate ? -1 : 1;
  return a.title.localeCompare(b.title);
}

/** The due-date filters the action-items page offers, as people say them. */
export const DUE_FILTERS = ["overdue", "7d", "30d", "none"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const DUE_FILTER_LABELS: Record<DueFilter, string> = { overdue: "Overdue", "7d": "Due in the next 7 days", "30d": "Due in the next 30 days", none: "No due date" };

/**
 * A due-date filter as the API's query: overdue, or a due date from today to `days` ahead
 * (inclusive; overdue ones are not "due in the next days"), or no due date at all.
 */
export function dueFilterQuery(filter: DueFilter, today: string): { overdue?: true; dueAfter?: string; dueBefore?: string; dueDate?: "none" } {
  if (filter === "overdue") return { overdue: true };
  if (filter === "none") return { dueDate: "none" };
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const ahead = addDays({ year: y, month: m, day: d }, filter === "7d" ? 7 : 30);
  return { dueAfter: today, dueBefore: formatCivilDate(ahead) };
}
