import type { ActionItemDto } from "@/lib/query/types";

/** An action item's due date, and "overdue" in words as well as in colour. */
export function DueText({ item }: { item: ActionItemDto }) {
  if (!item.dueDate) return <span className="muted">no due date</span>;
  return (
    <span className={item.overdue ? "text-danger" : undefined}>
      due {item.dueDate}
      {item.overdue && <> <span className="badge badge-danger">overdue</span></>}
    </span>
  );
}
