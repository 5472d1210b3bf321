"use client";

import type { ServiceOption } from "@/lib/query/types";

export type ImpactDraft = { service: string; percent: string };

/**
 * The services an incident hits, each with how badly: 100 % is a full outage, less a share of
 * requests failing. Below them, the services that depend on those chosen, offered as likely hit.
 */
export function ImpactedServices({ drafts, options, onChange, errors }: { drafts: ImpactDraft[]; options: Map<string, ServiceOption>; onChange: (next: ImpactDraft[]) => void; errors: Record<number, string> }) {
  const chosen = new Set(drafts.map((d) => d.service));
  const suggested = [...new Set(drafts.flatMap((d) => options.get(d.service)?.dependedOnBy ?? []))].filter((s) => !chosen.has(s));
  const update = (i: number, percent: string) => onChange(drafts.map((d, j) => (j === i ? { ...d, percent } : d)));

  return (
    <div className="stack-small">
      {drafts.length > 0 && (
        <ul className="impact-drafts" aria-label="Services hit">
          {drafts.map((d, i) => {
            const option = options.get(d.service);
            const inputId = `declare-impact-${i}`;
            return (
              <li key={d.service} className={errors[i] ? "field-invalid" : undefined}>
                <span className="impact-name">
                  <strong>{option?.name ?? d.service}</strong> <code>{d.service}</code>
                </span>
                <span className="impact-share">
                  <label htmlFor={inputId}>Requests failing</label>
                  <input
                    id={inputId}
                    className="input input-percent"
                    inputMode="decimal"
                    value={d.percent}
                    onChange={(e) => update(i, e.target.value)}
                    aria-invalid={errors[i] ? true : undefined}
                    aria-describedby={errors[i] ? `${inputId}-error` : `${inputId}-hint`}
                  />
                  <span aria-hidden="true">%</span>
                  <span id={`${inputId}-hint`} className="field-hint">{Number(d.percent) === 100 ? "full outage" : "partial"}</span>
                </span>
                <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(drafts.filter((_, j) => j !== i))}>
                  Remove<span className="visually-hidden"> {d.service}</span>
                </button>
                {errors[i] && <p id={`${inputId}-error`} className="field-error">{errors[i]}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {suggested.length > 0 && (
        <div className="suggestions" role="group" aria-label="Services that depend on the ones chosen">
          <span className="muted">Depend on these, possibly hit too:</span>
          {suggested.slice(0, 12).map((slug) => (
            <button key={slug} type="button" className="btn btn-secondary btn-small" onClick={() => onChange([...drafts, { service: slug, percent: "100" }])}>
              Add {options.get(slug)?.name ?? slug}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
