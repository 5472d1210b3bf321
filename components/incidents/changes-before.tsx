"use client";

import Link from "next/link";
import { CHANGE_SHAPES } from "@/components/charts/change-marks";
import { formatDateTime } from "@/components/format";
import { EmptyState } from "@/components/feedback/empty-state";
import { CHANGE_KIND_LABELS } from "@/lib/domain/changes";
import type { IncidentChangesDto } from "@/lib/dto/changes";
import { useIncidentChanges } from "@/lib/query/changes";
import type { IncidentDetailDto } from "@/lib/query/types";

/**
 * The changes to the services the incident hit in the two hours before it started: the first
 * suspects when looking for a cause. Read again when the incident's start or services change.
 */
export function ChangesBefore({ incident, initial, timeZone }: { incident: IncidentDetailDto; initial: IncidentChangesDto; timeZone: string }) {
  const services = incident.impacts.map((i) => i.service);
  const { data, isError, error } = useIncidentChanges(incident.reference, incident.startedAt, services, initial);
  const shown = data ?? initial;
  return (
    <section className="card" aria-labelledby="changes-before-heading">
      <h2 id="changes-before-heading">Changes in the two hours before it started</h2>
      <p className="muted small">
        {formatDateTime(shown.from, timeZone)} to {formatDateTime(shown.to, timeZone)} {timeZone}, on {shown.services.length ? shown.services.join(", ") : "no service yet"}
      </p>
      {isError && <p role="alert" className="form-error">The changes could not be read again: {error.message}</p>}
      {shown.total === 0 ? (
        <EmptyState title="No changes recorded then">
          {shown.services.length === 0
            ? "Add the services it hit to see their changes."
            : "Nothing was recorded for these services in those two hours. Pipelines record deploys, config changes and flag flips with POST /api/v1/changes."}
        </EmptyState>
      ) : (
        <>
          <ol className="change-list" aria-label="Changes before the incident, newest first">
            {shown.changes.map((c) => (
              <li key={c.id} data-change={c.id}>
                <span className={`change-mark change-${c.kind}`} aria-hidden="true">{CHANGE_SHAPES[c.kind]}</span>
                <span>
                  <strong>{CHANGE_KIND_LABELS[c.kind]}</strong> · {c.url ? <a href={c.url} rel="noreferrer">{c.summary}</a> : c.summary}
                </span>
                <span className="change-meta muted">
                  {formatDateTime(c.at, timeZone)} {timeZone} · <Link href={`/services/${c.service.slug}`}>{c.service.name}</Link>
                  {c.release && ` · release ${c.release}`}
                  {c.source === "gate" && " · let through by the release gate"}
                </span>
              </li>
            ))}
          </ol>
          {shown.total > shown.changes.length && <p className="muted small">The latest {shown.changes.length} of {shown.total}.</p>}
        </>
      )}
    </section>
  );
}
