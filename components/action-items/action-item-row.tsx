"use client";

import Link from "next/link";
import { DueText } from "@/components/incidents/due-text";
import { ACTION_ITEM_STATUS_LABELS, ACTION_ITEM_STATUSES, type ActionItemStatus } from "@/lib/domain/action-items";
import { useUpdateActionItemStatus } from "@/lib/query/action-items";
import type { ActionItemDto } from "@/lib/query/types";

/**
 * One action item as a row of work: its status changes in place (the page reads the version for
 * the person), a failure is said beside the row, and done items are struck through in words too.
 */
export function ActionItemRow({ item, canEdit }: { item: ActionItemDto; canEdit: boolean }) {
  const update = useUpdateActionItemStatus();
  const id = `item-status-${item.id}`;
  return (
    <tr className={item.status !== "open" ? "row-closed" : undefined}>
      <td className="cell-title">{item.status === "done" ? <s>{item.title}</s> : item.title}</td>
      <td className="nowrap">{item.status === "open" ? <DueText item={item} /> : <span className="muted">{item.dueDate ? `was due ${item.dueDate}` : "no due date"}</span>}</td>
      <td className="cell-title">
        {item.incident && <Link prefetch={false} href={`/incidents/${item.incident.reference}`}>{item.incident.reference} · {item.incident.title}</Link>}
        {item.risk && <Link prefetch={false} href={`/risks/${item.risk.reference}`}>{item.risk.reference} · {item.risk.title}</Link>}
        {!item.incident && !item.risk && <span className="muted">—</span>}
      </td>
      <td>
        {canEdit ? (
          <>
            <label htmlFor={id} className="visually-hidden">Status of {item.title}</label>
            <select
              id={id}
              className="input input-inline"
              value={item.status}
              disabled={update.isPending}
              aria-busy={update.isPending || undefined}
              aria-invalid={update.error ? true : undefined}
              aria-describedby={update.error ? `${id}-error` : undefined}
              onChange={(e) => update.mutate({ id: item.id, version: item.version, status: e.target.value as ActionItemStatus })}
            >
              {ACTION_ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>{ACTION_ITEM_STATUS_LABELS[s]}</option>
              ))}
            </select>
            {update.error && <p id={`${id}-error`} role="alert" className="field-error">{update.error.message}</p>}
          </>
        ) : (
          <span className="badge">{ACTION_ITEM_STATUS_LABELS[item.status]}</span>
        )}
      </td>
    </tr>
  );
}
