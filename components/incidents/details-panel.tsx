"use client";

import { useState, type FormEvent } from "react";
import { escalatedSeverity } from "@/lib/domain/incident-history";
import { INCIDENT_KINDS, SEVERITIES, SEVERITY_MEANINGS, type IncidentKind, type Severity } from "@/lib/domain/incident-lifecycle";
import type { IncidentDetailDto } from "@/lib/query/types";
import { ApiError } from "@/lib/query/api";
import { Name } from "@/lib/schemas/common";
import { ConflictRetry } from "./conflict-retry";
import { useIncidentChange } from "./use-incident-change";

type Props = { incident: IncidentDetailDto; timeZone: string };

const KIND_LABELS: Record<IncidentKind, string> = { unplanned: "Unplanned", maintenance: "Planned maintenance" };

/**
 * Title, severity and kind, correctable while the incident runs: escalating is one click, the
 * other changes one choice each. Every change lands on the timeline (the server writes it).
 */
export function DetailsPanel({ incident, timeZone }: Props) {
  const change = useIncidentChange(incident);
  const [editingTitle, setEditingTitle] = useState(false);
  const [title, setTitle] = useState(incident.title);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState("Save");
  const next = escalatedSeverity(incident.severity);

  function saveTitle(e: FormEvent) {
    e.preventDefault();
    const parsed = Name.safeParse(title);
    if (!parsed.success) return setTitleError(parsed.error.issues[0]?.message ?? "Not a title");
    const text = parsed.data;
    setTitleError(null);
    setLastAction("Save the title");
    if (text === incident.title) return setEditingTitle(false);
    change.send({ title: text }, () => setEditingTitle(false));
  }

  const apiTitleError = change.error instanceof ApiError && change.error.status === 400 ? change.error.issues.find((i) => i.path === "title")?.message : undefined;
  const otherError = change.error && !(change.error instanceof ApiError && (change.error.status === 409 || change.error.status === 400)) ? change.error.message : null;

  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <ConflictRetry error={change.error} timeZone={timeZone} theirChanges={change.theirChanges} refreshing={change.refreshing} retry={change.retry} onDismiss={change.reset} what={lastAction} />
      {otherError && <p role="alert" className="alert alert-error">{otherError}</p>}
      <div className="details-row">
        <span className="details-label" id="severity-label">Severity</span>
        <div className="details-controls">
          {next && (
            <button
              type="button"
              className="btn btn-danger btn-small"
              disabled={change.pending}
              title={SEVERITY_MEANINGS[next]}
              onClick={() => {
                setLastAction(`Raise to ${next}`);
                change.send({ severity: next });
              }}
            >
              Raise to {next}
            </button>
          )}
          <label htmlFor="incident-severity" className="visually-hidden">Severity</label>
          <select
            id="incident-severity"
            className="input input-inline"
            value={incident.severity}
            disabled={change.pending}
            aria-describedby="incident-severity-meaning"
            onChange={(e) => {
              const severity = e.target.value as Severity;
              setLastAction(`Set ${severity}`);
              change.send({ severity });
            }}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </div>
        <p id="incident-severity-meaning" className="field-hint">{SEVERITY_MEANINGS[incident.severity]}</p>
      </div>
      <div className="details-row">
        <label className="details-label" htmlFor="incident-kind">Kind</label>
        <div className="details-controls">
          <select
            id="incident-kind"
            className="input input-inline"
            value={incident.kind}
            disabled={change.pending}
            onChange={(e) => {
              const kind = e.target.value as IncidentKind;
              setLastAction(`Make it ${KIND_LABELS[kind].toLowerCase()}`);
              change.send({ kind });
            }}
          >
            {INCIDENT_KINDS.map((k) => (
              <option key={k} value={k}>{KIND_LABELS[k]}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="details-row">
        <span className="details-label">Title</span>
        {editingTitle ? (
          <form className="details-title-form" onSubmit={saveTitle} noValidate>
            <label htmlFor="incident-title" className="visually-hidden">Title</label>
            <input
              id="incident-title"
              className="input"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={titleError || apiTitleError ? true : undefined}
              aria-describedby={titleError || apiTitleError ? "incident-title-error" : undefined}
            />
            {(titleError || apiTitleError) && <p id="incident-title-error" className="field-error">{titleError ?? apiTitleError}</p>}
            <div className="button-row">
              <button type="submit" className="btn btn-primary btn-small" disabled={change.pending}>Save title</button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditingTitle(false)}>Cancel</button>
            </div>
          </form>
        ) : (
          <div className="details-controls">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => {
                setTitle(incident.title);
                setTitleError(null);
                setEditingTitle(true);
              }}
            >
              Edit title
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
