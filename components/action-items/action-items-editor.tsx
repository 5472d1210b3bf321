"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { DueText } from "@/components/incidents/due-text";
import { ACTION_ITEM_STATUS_LABELS, ACTION_ITEM_STATUSES, type ActionItemStatus } from "@/lib/domain/action-items";
import type { ApiError } from "@/lib/query/api";
import type { ActionItemDto } from "@/lib/query/types";
import { ActionItemInput } from "@/lib/schemas/action-item";
import { zodIssues } from "@/lib/schemas/issues";

type Create = { mutate: (body: ActionItemInput, opts: { onSuccess: () => void; onError: (e: ApiError) => void }) => void; isPending: boolean };
type Update = { mutate: (body: { id: string; version: number; status: ActionItemStatus }) => void; isPending: boolean; error: ApiError | null };

/**
 * Follow-up work of an incident or a risk: the items with their status changed in place, and one
 * line to add one (title, owner, due date), with the schema's messages beside the fields.
 */
export function ActionItemsEditor(props: { idPrefix: string; items: ActionItemDto[]; canEdit: boolean; link: { incident: string } | { risk: string }; create: Create; update: Update; empty: string; formLabel: string; placeholder: string; showIncident?: boolean }) {
  const { idPrefix: p, items, canEdit, create, update } = props;
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const show = (issues: { path: string; message: string }[]) => setErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));

  function add(event: FormEvent) {
    event.preventDefault();
    const body = { title, owner, ...(dueDate ? { dueDate } : {}), ...props.link };
    const parsed = ActionItemInput.safeParse(body);
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
  const fieldProps = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${p}-${name}-error` : undefined });
  const fieldError = (name: string) => errors[name] && <p id={`${p}-${name}-error`} className="field-error">{errors[name]}</p>;

  return (
    <>
      {items.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="action-items">
          {items.map((item) => (
            <li key={item.id} className={item.status !== "open" ? "closed" : undefined}>
              <span className="action-title">{item.status === "done" ? <s>{item.title}</s> : item.title}</span>
              <span className="muted">{item.owner || "no owner"}</span>
              <DueText item={item} />
              {props.showIncident && item.incident && <Link prefetch={false} href={`/incidents/${item.incident.reference}`}>{item.incident.reference}</Link>}
              {canEdit ? (
                <>
                  <label htmlFor={`${p}-status-${item.id}`} className="visually-hidden">Status of {item.title}</label>
                  <select id={`${p}-status-${item.id}`} className="input input-inline" value={item.status} disabled={update.isPending} onChange={(e) => update.mutate({ id: item.id, version: item.version, status: e.target.value as ActionItemStatus })}>
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
        <form className="inline-form" onSubmit={add} noValidate aria-label={props.formLabel}>
          <div className="field field-grow">
            <label htmlFor={`${p}-title`}>New action item</label>
            <input id={`${p}-title`} className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={props.placeholder} {...fieldProps("title")} />
            {fieldError("title")}
          </div>
          <div className="field">
            <label htmlFor={`${p}-owner`}>Owner</label>
            <input id={`${p}-owner`} className="input" value={owner} onChange={(e) => setOwner(e.target.value)} {...fieldProps("owner")} />
            {fieldError("owner")}
          </div>
          <div className="field">
            <label htmlFor={`${p}-dueDate`}>Due</label>
            <input id={`${p}-dueDate`} type="date" className="input" value={dueDate} onChange={(e) => setDueDate(e.target.value)} {...fieldProps("dueDate")} />
            {fieldError("dueDate")}
          </div>
          <button type="submit" className="btn btn-secondary" disabled={create.isPending}>Add</button>
        </form>
      )}
    </>
  );
}
