"use client";

import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { fromOrgInputValue, toOrgInputValue } from "@/components/forms/org-datetime";
import { MILESTONE_ENTRY } from "@/lib/domain/incident-history";
import { MILESTONE_LABELS, MILESTONES, milestoneBounds, milestoneOrderIssues, statusLabel, WORKING_STATUSES, type IncidentStatus, type Milestone } from "@/lib/domain/incident-lifecycle";
import { useAddTimelineEntry, usePatchIncident } from "@/lib/query/incidents";
import type { IncidentDetailDto } from "@/lib/query/types";
import { ConflictNote } from "./conflict-note";
import { MeasuredSinceOffer, useMeasuredSinceOffer } from "./measured-since-offer";

type Props = { incident: IncidentDetailDto; timeZone: string; canEdit: boolean };

/** "not before 10:04 (Detected) and not after 10:40 (Mitigated)": the order rule, said up front. */
function boundsText(incident: IncidentDetailDto, milestone: Milestone, timeZone: string): string {
  const { notBefore, notAfter } = milestoneBounds(incident, milestone);
  const name = (at: number) => MILESTONES.find((m) => incident[m] !== null && Date.parse(incident[m] as string) === at) ?? milestone;
  const parts = [
    notBefore !== null && `not before ${formatDateTime(new Date(notBefore).toISOString(), timeZone)} (${MILESTONE_LABELS[name(notBefore)]})`,
    notAfter !== null && `not after ${formatDateTime(new Date(notAfter).toISOString(), timeZone)} (${MILESTONE_LABELS[name(notAfter)]})`,
  ].filter(Boolean);
  return parts.length ? `Milestones keep their order: ${parts.join(" and ")}.` : "";
}

/** Scheduled maintenance's start and end are a plan until the clock reaches them. */
function milestoneName(incident: IncidentDetailDto, m: Milestone): string {
  if (incident.status !== "scheduled") return MILESTONE_LABELS[m];
  if (m === "startedAt") return incident.phase === "upcoming" ? "Planned start" : "Started";
  if (m === "resolvedAt" && incident.resolvedAt) return incident.phase === "over" ? "Ended" : "Planned end";
  return MILESTONE_LABELS[m];
}

/**
 * The milestones (each "now" with one click, or at a time typed in the organisation's zone) and
 * the status. Times that would break the order are refused here, with the reason, before the
 * server has to.
 */
export function MilestonesPanel({ incident, timeZone, canEdit }: Props) {
  const add = useAddTimelineEntry(incident.reference);
  const patch = usePatchIncident(incident.reference);
  const [editing, setEditing] = useState<Milestone | null>(null);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  // A start moved before a service is measured: the server's offer to move it back.
  const offer = useMeasuredSinceOffer();
  const pending = add.isPending || patch.isPending;
  const failure = add.error ?? patch.error;

  function startEditing(m: Milestone) {
    setEditing(m);
    setError(null);
    offer.reset();
    setValue(toOrgInputValue(incident[m] ?? Date.now(), timeZone));
  }

  function save(m: Milestone, at: string | null) {
    setError(null);
    if (at === null) return setError("Enter a date and a time");
    const issue = milestoneOrderIssues({ ...incident, [m]: at }, timeZone)[0];
    if (issue) return setError(issue.message);
    const done = {
      onSuccess: () => {
        setEditing(null);
        offer.reset();
      },
      onError: (e: { issues: { path: string; message: string }[]; status: number }) => {
        if (e.status !== 400 || offer.take(e.issues)) return;
        setError(e.issues[0]?.message ?? "Not accepted");
      },
    };
    if (m !== "startedAt" && incident[m] === null) add.mutate({ type: MILESTONE_ENTRY[m], at }, done);
    else patch.mutate({ version: incident.version, [m]: at, ...offer.body() }, done);
  }

  return (
    <section className="card" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones <span className="muted heading-note">times in {timeZone}</span></h2>
      <ConflictNote error={failure} timeZone={timeZone} />
      {failure && !(failure.status === 409) && failure.status !== 400 && <p role="alert" className="alert alert-error">{failure.message}</p>}
      <ol className="milestones">
        {MILESTONES.map((m) => {
          const at = incident[m];
          const inputId = `milestone-${m}`;
          return (
            <li key={m} className={at ? "done" : undefined}>
              <span className="milestone-name">{milestoneName(incident, m)}</span>
              <span className="milestone-time">{at ? <time dateTime={at}>{formatDateTime(at, timeZone)}</time> : <span className="muted">not yet</span>}</span>
              {canEdit && editing !== m && (
                <span className="milestone-actions">
                  {!at && m !== "startedAt" && incident.phase !== "upcoming" && (
                    <button type="button" className="btn btn-primary btn-small" disabled={pending} onClick={() => save(m, new Date().toISOString())}>
                      {MILESTONE_LABELS[m]} now
                    </button>
                  )}
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => startEditing(m)}>
                    {at ? "Edit time" : "At a time…"}
                    <span className="visually-hidden"> ({MILESTONE_LABELS[m]})</span>
                  </button>
                </span>
              )}
              {canEdit && editing === m && (
                <form
                  className="milestone-edit"
                  onSubmit={(e) => {
                    e.preventDefault();
                    save(m, fromOrgInputValue(value, timeZone));
                  }}
                >
                  <label htmlFor={inputId} className="visually-hidden">{MILESTONE_LABELS[m]} ({timeZone})</label>
                  <input id={inputId} type="datetime-local" className="input input-inline" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`} />
                  <button type="submit" className="btn btn-primary btn-small" disabled={pending}>Save</button>
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(null)}>Cancel</button>
                  <p id={`${inputId}-hint`} className="field-hint">{boundsText(incident, m, timeZone)}</p>
                  {error && <p id={`${inputId}-error`} className="field-error">{error}</p>}
                  <MeasuredSinceOffer id={`${inputId}-move-measured-since`} offer={offer.offer} move={offer.move} onMove={offer.setMove} />
                </form>
              )}
            </li>
          );
        })}
      </ol>
      {canEdit && incident.status === "scheduled" && (
        <ScheduledControl incident={incident} pending={pending} onStart={() => patch.mutate({ version: incident.version, startedAt: new Date(Math.min(Date.now(), Date.parse(incident.startedAt))).toISOString() })} onFinish={() => add.mutate({ type: "resolved", at: new Date().toISOString() })} />
      )}
      {canEdit && incident.status !== "scheduled" && <StatusControl incident={incident} pending={pending} onStatus={(status) => patch.mutate({ version: incident.version, status })} onReopen={() => patch.mutate({ version: incident.version, resolvedAt: null })} />}
    </section>
  );
}

function StatusControl({ incident, pending, onStatus, onReopen }: { incident: IncidentDetailDto; pending: boolean; onStatus: (s: IncidentStatus) => void; onReopen: () => void }) {
  if (incident.status === "resolved") {
    return (
      <div className="button-row">
        <span className="muted">Resolved. Impact came back?</span>
        <button type="button" className="btn btn-secondary btn-small" disabled={pending} onClick={onReopen}>Reopen</button>
      </div>
    );
  }
  return (
    <div className="button-row">
      <label htmlFor="incident-status">Status</label>
      <select id="incident-status" className="input input-inline" value={incident.status} disabled={pending} onChange={(e) => onStatus(e.target.value as IncidentStatus)}>
        {WORKING_STATUSES.map((s) => (
          <option key={s} value={s}>{s}</option>
        ))}
      </select>
      <span className="field-hint">Resolved is set by the Resolved milestone.</span>
    </div>
  );
}

/** Planned maintenance: the clock moves it; people start it early or finish it when the work is done. */
function ScheduledControl({ incident, pending, onStart, onFinish }: { incident: IncidentDetailDto; pending: boolean; onStart: () => void; onFinish: () => void }) {
  const label = statusLabel(incident.status, incident.phase);
  return (
    <div className="button-row">
      <span className="muted">Planned maintenance, {label}. {incident.phase === "upcoming" ? "It counts nowhere until it starts." : incident.phase === "ongoing" ? "It ends at its planned end unless finished sooner." : ""}</span>
      {incident.phase === "upcoming" && <button type="button" className="btn btn-secondary btn-small" disabled={pending} onClick={onStart}>Start now</button>}
      {incident.phase === "ongoing" && <button type="button" className="btn btn-primary btn-small" disabled={pending} onClick={onFinish}>Finish now</button>}
    </div>
  );
}
