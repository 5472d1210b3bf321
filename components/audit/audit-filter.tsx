"use client";

import Form from "next/form";
import { useRef } from "react";

export type AuditFilterValues = { actor: string; entityType: string; entity: string };

/**
 * Who acted, on what kind of entity, on which one (by its reference: INC-42, RISK-7, a service's
 * slug): a GET form, so the filters are in the URL and the server filters; selects apply at once.
 */
export function AuditFilter({ types, actors, values, errors }: { types: string[]; actors: string[]; values: AuditFilterValues; errors: Partial<Record<keyof AuditFilterValues, string>> }) {
  const formRef = useRef<HTMLFormElement>(null);
  const submit = () => formRef.current?.requestSubmit();
  const invalid = (name: keyof AuditFilterValues) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `audit-${name}-error` } : {});
  const error = (name: keyof AuditFilterValues) => errors[name] && <p id={`audit-${name}-error`} className="field-error">{errors[name]}</p>;
  return (
    <Form action="/settings/audit" ref={formRef} className="filters" role="search" aria-label="Filter audit events" replace>
      <div className="field">
        <label htmlFor="audit-actor">Actor</label>
        <select id="audit-actor" name="actor" className="input" defaultValue={values.actor} onChange={submit} {...invalid("actor")}>
          <option value="">Anyone</option>
          {/* A name from a shared link that no longer acts keeps its place, so the error beside it makes sense. */}
          {values.actor && !actors.includes(values.actor) && <option value={values.actor}>{values.actor}</option>}
          {actors.map((a) => (
            <option key={a} value={a}>{a}</option>
          ))}
        </select>
        {error("actor")}
      </div>
      <div className="field">
        <label htmlFor="audit-entity-type">Entity type</label>
        <select id="audit-entity-type" name="entityType" className="input" defaultValue={values.entityType} onChange={submit}>
          <option value="">All entity types</option>
          {types.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </div>
      <div className="field field-grow">
        <label htmlFor="audit-entity">Entity</label>
        <input id="audit-entity" name="entity" className="input" defaultValue={values.entity} placeholder="INC-42, RISK-7, 2026-W48 or a service's slug" {...invalid("entity")} />
        {error("entity")}
      </div>
      <button type="submit" className="btn btn-secondary">Filter</button>
    </Form>
  );
}
