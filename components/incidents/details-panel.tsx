"use client";

import { useState } from "react";
import { escalatedSeverity } from "@/lib/domain/incident-history";
import { INCIDENT_KINDS, SEVERITIES, SEVERITY_MEANINGS, type IncidentKind, type Severity } from "@/lib/domain/incident-lifecycle";
import type { IncidentDetailDto } from "@/lib/query/types";
import { ApiError } from "@/lib/query/api";
import { publicIncidentTitle } from "@/lib/domain/notification-message";
import { ConflictRetry } from "./conflict-retry";
import { TextEditRow } from "./text-edit-row";
import { useIncidentChange } from "./use-incident-change";

type Props = { incident: IncidentDetailDto; timeZone: string };

const KIND_LABELS: Record<IncidentKind, string> = { unplanned: "Unplanned", maintenance: "Planned maintenance" };

/**
 * Title, public title, severity and kind, correctable while the incident runs: escalating is one click, the
 * other changes one choice each. Every change lands on the timeline (the server writes it).
 */
export function DetailsPanel({ incident, timeZone }: Props) {
  const change = useIncidentChange(incident);
  const [lastAction, setLastAction] = useState("Save");
  const next = escalatedSeverity(incident.severity);

  const fieldError = (path: string) => (change.error instanceof ApiError && change.error.status === 400 ? change.error.issues.find((i) => i.path === path)?.message : undefined);
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
      <TextEditRow
        id="incident-title"
        label="Title"
        value={incident.title}
        pending={change.pending}
        serverError={fieldError("title")}
        onSave={(text, done) => {
          setLastAction("Save the title");
          change.send({ title: text ?? incident.title }, done);
        }}
      />
      <TextEditRow
        id="incident-public-title"
        label="Public title"
        value={incident.publicTitle ?? ""}
        shown={<span className="muted">{incident.publicTitle ? `“${incident.publicTitle}”` : `Not set: readers outside the team see “${publicIncidentTitle({ publicTitle: null, kind: incident.kind, services: [{ id: "", name: "…", tierId: null }] })}”, with the status page's names for its services`}</span>}
        pending={change.pending}
        serverError={fieldError("publicTitle")}
        clearLabel="Use the default"
        onSave={(text, done) => {
          setLastAction("Save the public title");
          change.send({ publicTitle: text }, done);
        }}
      />
    </section>
  );
}
