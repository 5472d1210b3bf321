import { formatDateTime } from "@/components/format";

/** The next review in the organisation's zone; overdue said in words, not only in colour. */
export function ReviewDue({ dueAt, overdue, timeZone }: { dueAt: string | null; overdue: boolean; timeZone: string }) {
  if (dueAt === null) return <span className="muted">none (closed)</span>;
  const date = formatDateTime(dueAt, timeZone).slice(0, 10);
  return overdue ? (
    <span className="due-overdue">
      <time dateTime={dueAt}>{date}</time> <span className="badge badge-danger">overdue</span>
    </span>
  ) : (
    <time dateTime={dueAt}>{date}</time>
  );
}
