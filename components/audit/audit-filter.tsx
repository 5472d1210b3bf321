"use client";

import Form from "next/form";
import { useRef } from "react";

/** Entity-type filter as a GET form (?entityType=); applies on change when JavaScript runs. */
export function AuditFilter({ types, current }: { types: string[]; current: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <Form action="/settings/audit" ref={formRef} className="filters" aria-label="Filter audit events" replace>
      <div className="field">
        <label htmlFor="audit-entity-type">Entity type</label>
        <select id="audit-entity-type" name="entityType" className="input" defaultValue={current} onChange={() => formRef.current?.requestSubmit()}>
          <option value="">All entity types</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary">
        Filter
      </button>
    </Form>
  );
}
