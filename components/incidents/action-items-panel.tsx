"use client";

import { useState, type FormEvent } from "react";
import { ACTION_ITEM_STATUS_LABELS, ACTION_ITEM_STATUSES, type ActionItemStatus } from "@/lib/domain/action-items";
import { useCreateActionItem, useUpdateActionItem } from "@/lib/query/incidents";
import type { IncidentDetailDto } from "@/lib/query/types";
import { ActionItemInput } from "@/lib/schemas/action-item";
import { zodIssues } from "@/lib/schemas/issues";
import { DueText } from "./due-text";

/** Follow-up work: one line to add (title, owner, due date), a status to change in place. */
export function ActionItemsPanel({ incident, canEdit }: { incident: IncidentDetailDto; canEdit: boolean }) {
  const create = useCreateActionItem(incident.reference);
  const update = useUpdateActionItem(incident.reference);
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function add(event: FormEvent) {
    event.preventDefault();
    const body = { title, owner, ...(dueDate ? { dueDate } : {}), incident: incident.id };
    const parsed = ActionItemInput.safeParse(body);
    const show = (issues: { path: string; message: string }[]) => setErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
    if (!parsed.success) return show(zodIssues(parsed.error));
    setErrors({});
    create.mutate(body, {
      onSuccess: () => {
        setTitle("");
        setDueDate("");
      },
      onError: (e) => show(e.issues.length ? e.issues : [{ path: "title", message: e.message }]),
    });
  }

  const fieldProps = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `action-${name}-error` : undefined });
  const fieldError = (name: string) => errors[name] && <p id={`action-${name}-error`} className="field-error">{errors[name]}</p>;

  return (
    <section className="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Action items</h2>
      {incident.actionItems.length === 0 ? (
        <p className="muted">{canEdit ? "No follow-up work yet. Add what must change so this does not happen again." : "No follow-up work yet."}</p>
      ) : (
        <ul className="action-items">
          {incident.actionItems.map((item) => (
            <li key={item.id} className={item.status !== "open" ? "closed" : undefined}>
              <span className="action-title">{item.status === "done" ? <s>{item.title}</s> : item.title}</span>
              <span className="muted">{item.owner || "no owner"}</span>
              <DueText item={item} />
              {canEdit ? (
                <>
                  <label htmlFor={`action-status-${item.id}`} className="visually-hidden">Status of {item.title}</label>
                  <select
                    id={`action-status-${item.id}`}
                    className="input input-inline"
                    value={item.status}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ id: item.id, version: item.version, status: e.target.value as ActionItemStatus })}
                  >
                    {ACTION_ITEM_STATUSES.map((s) => (
                      <option key={s} value={s}>{ACTION_ITEM_STATUS_LABELS[s]}</option>
                    ))}
                  </select>
                </>
              ) : (
                <span className="badge">{ACTION_ITEM_STATUS_LABELS[item.status]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {update.error && <p role="alert" className="alert alert-error">{update.error.message}</p>}
      {canEdit && (
        <form className="inline-form" onSubmit={add} noValidate aria-label="Add an action item">
          <div className="field field-grow">
            <label htmlFor="action-title">New action item</label>
            <input id="action-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Alert on checkout error rate" maxLength={120} {...fieldProps("title")} />
            {fieldError("title")}
          </div>
          <div className="field">
            <label htmlFor="action-owner">Owner</label>
            <input id="action-owner" className="input" value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="payments-team" maxLength={120} {...fieldProps("owner")} />
            {fieldError("owner")}
          </div>
          <div className="field">
            <label htmlFor="action-dueDate">Due</label>
            <input id="action-dueDate" type="date" className="input" value={dueDate} onChange={(e) => setDueDate(e.target.value)} {...fieldProps("dueDate")} />
            {fieldError("dueDate")}
          </div>
          <button type="submit" className="btn btn-secondary" disabled={create.isPending}>Add</button>
        </form>
      )}
    </section>
  );
}
