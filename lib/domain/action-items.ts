/**
 * Action items: follow-up work from an incident or a risk (docs/domain.md "Action items"). Due dates are calendar
 * dates in the organisation's zone; an item is overdue once its due date has passed there and it
 * is still open. Pure.
 */
import { formatCivilDate, isValidCivilDate } from "./civil-date";
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
