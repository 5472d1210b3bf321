"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { DueText } from "@/components/incidents/due-text";
import type { RiskDetailDto } from "@/lib/dto/risks";
import { ACTION_ITEM_STATUS_LABELS, ACTION_ITEM_STATUSES, type ActionItemStatus } from "@/lib/domain/action-items";
import { useCreateRiskActionItem, useUpdateRiskActionItem } from "@/lib/query/risks";
import { ActionItemInput } from "@/lib/schemas/action-item";
import { zodIssues } from "@/lib/schemas/issues";

/** The mitigation work for this risk (the action-items API, linked by risk). */
export function RiskActionItems({ risk, canEdit }: { risk: RiskDetailDto; canEdit: boolean }) {
  const create = useCreateRiskActionItem();
  const update = useUpdateRiskActionItem();
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const show = (issues: { path: string; message: string }[]) => setErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));

  function add(event: FormEvent) {
    event.preventDefault();
    const body = { title, owner, ...(dueDate ? { dueDate } : {}), risk: risk.id };
    const parsed = ActionItemInput.safeParse(body);
    if (!parsed.success) return show(zodIssues(parsed.error));
    setErrors({});
    create.mutate(body, { onSuccess: () => (setTitle(""), setDueDate("")), onError: (e) => show(e.issues.length ? e.issues : [{ path: "title", message: e.message }]) });
  }
  const props = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `risk-action-${name}-error` : undefined });
  const error = (name: string) => errors[name] && <p id={`risk-action-${name}-error`} className="field-error">{errors[name]}</p>;

  return (
    <section className="card" aria-labelledby="risk-actions-heading">
      <h2 id="risk-actions-heading">Mitigation action items</h2>
      {risk.actionItems.length === 0 ? (
        <p className="muted">{canEdit ? "No mitigation work yet. Add what brings the risk to its target." : "No mitigation work yet."}</p>
      ) : (
        <ul className="action-items">
          {risk.actionItems.map((item) => (
            <li key={item.id} className={item.status !== "open" ? "closed" : undefined}>
              <span className="action-title">{item.status === "done" ? <s>{item.title}</s> : item.title}</span>
              <span className="muted">{item.owner || "no owner"}</span>
              <DueText item={item} />
              {item.incident && <Link href={`/incidents/${item.incident.reference}`}>{item.incident.reference}</Link>}
              {canEdit ? (
                <>
                  <label htmlFor={`risk-action-status-${item.id}`} className="visually-hidden">Status of {item.title}</label>
                  <select id={`risk-action-status-${item.id}`} className="input input-inline" value={item.status} disabled={update.isPending} onChange={(e) => update.mutate({ id: item.id, version: item.version, status: e.target.value as ActionItemStatus })}>
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
        <form className="inline-form" onSubmit={add} noValidate aria-label="Add a mitigation action item">
          <div className="field field-grow">
            <label htmlFor="risk-action-title">New action item</label>
            <input id="risk-action-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Alert when the disk is 80 % full" maxLength={120} {...props("title")} />
            {error("title")}
          </div>
          <div className="field">
            <label htmlFor="risk-action-owner">Owner</label>
            <input id="risk-action-owner" className="input" value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={120} {...props("owner")} />
            {error("owner")}
          </div>
          <div className="field">
            <label htmlFor="risk-action-dueDate">Due</label>
            <input id="risk-action-dueDate" type="date" className="input" value={dueDate} onChange={(e) => setDueDate(e.target.value)} {...props("dueDate")} />
            {error("dueDate")}
          </div>
          <button type="submit" className="btn btn-secondary" disabled={create.isPending}>Add</button>
        </form>
      )}
    </section>
  );
}
