"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "@/components/format";
import type { RiskDetailDto } from "@/lib/dto/risks";
import { useLinkIncident } from "@/lib/query/risks";

export type IncidentOption = { reference: string; title: string };

/** The incidents that realised the risk: link one by reference (type-ahead over recent ones), unlink any. */
export function RealisedIncidents({ risk, canEdit, timeZone, options }: { risk: RiskDetailDto; canEdit: boolean; timeZone: string; options: IncidentOption[] }) {
  const link = useLinkIncident(risk.id);
  const [incident, setIncident] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    // The datalist shows "INC-42 · title"; the reference is what the API takes.
    const ref = incident.trim().split(/\s/)[0] ?? "";
    if (!ref) return setError("Required: an incident reference, e.g. INC-42");
    setError(null);
    link.mutate({ incident: ref, linked: true }, { onSuccess: () => setIncident(""), onError: (e) => setError(e.status === 404 ? `No incident is '${ref}'` : e.message) });
  }

  const linked = new Set(risk.incidents.map((i) => i.reference));
  return (
    <section className="card" aria-labelledby="realised-heading">
      <h2 id="realised-heading">
        Realised by <span className="count">{risk.incidents.length}</span>
      </h2>
      {risk.incidents.length === 0 ? (
        <p className="muted">No incident has realised this risk yet.</p>
      ) : (
        <ul className="realised-list">
          {risk.incidents.map((i) => (
            <li key={i.id}>
              <span>
                <Link prefetch={false} href={`/incidents/${i.reference}`}>
                  <span className="ref">{i.reference}</span> {i.title}
                </Link>{" "}
                <span className="muted small">
                  {i.severity} · {formatDateTime(i.startedAt, timeZone)} {timeZone}
                </span>
              </span>
              {canEdit && (
                <button type="button" className="btn btn-ghost btn-small" disabled={link.isPending} onClick={() => link.mutate({ incident: i.reference, linked: false })}>
                  Unlink<span className="visually-hidden"> {i.reference}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="inline-form" onSubmit={submit} noValidate aria-label="Link an incident">
          <div className="field field-grow">
            <label htmlFor="link-incident">Incident that realised it</label>
            <input id="link-incident" className="input" list="link-incident-options" value={incident} onChange={(e) => setIncident(e.target.value)} placeholder="INC-42, or type to search recent ones" aria-invalid={error ? true : undefined} aria-describedby={error ? "link-incident-error" : undefined} autoComplete="off" />
            <datalist id="link-incident-options">
              {options.filter((o) => !linked.has(o.reference)).map((o) => (
                <option key={o.reference} value={`${o.reference} · ${o.title}`} />
              ))}
            </datalist>
            {error && <p id="link-incident-error" className="field-error" role="alert">{error}</p>}
          </div>
          <button type="submit" className="btn btn-secondary" disabled={link.isPending}>Link</button>
        </form>
      )}
    </section>
  );
}
