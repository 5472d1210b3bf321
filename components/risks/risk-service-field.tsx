"use client";

import { ServicePicker } from "@/components/incidents/service-picker";
import type { ServiceOption } from "@/lib/query/types";

/**
 * A risk's one service, chosen with the same type-ahead as the incident form's (the picker works
 * over any number of services); none chosen is a cross-cutting risk.
 */
export function RiskServiceField({ id, value, options, onChange, error }: { id: string; value: string; options: ServiceOption[]; onChange: (slug: string) => void; error?: string | undefined }) {
  const chosen = options.find((o) => o.slug === value);
  const hint = `${id}-hint`;
  const describedBy = [error ? `${id}-error` : null, hint].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <div className="field-head">
        <label htmlFor={id}>Service</label>
        <span className="field-optional">optional</span>
      </div>
      {value ? (
        <p className="chosen-service">
          <span className="chip">
            <strong>{chosen?.name ?? value}</strong> <code>{value}</code>
          </span>{" "}
          <button type="button" className="link-button" onClick={() => onChange("")}>
            Remove<span className="visually-hidden"> {chosen?.name ?? value}: make it cross-cutting</span>
          </button>
          {/* The input that the label names stays on the page: a person can type another service. */}
        </p>
      ) : null}
      <ServicePicker id={id} options={options} chosen={new Set(value ? [value] : [])} onAdd={onChange} invalid={Boolean(error)} describedBy={describedBy} />
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      <p id={hint} className="field-hint">
        {value ? "Type another service to replace it." : "None: a cross-cutting risk, with no budget of its own."} The service it would hurt.
      </p>
    </div>
  );
}
