"use client";

import Form from "next/form";
import { useRef } from "react";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";

export type IncidentFilterValues = { service: string; tier: string; severity: string[]; kind: string; status: string; from: string; to: string };

/**
 * The API's filters, kept in the URL so a filtered list can be shared and the server filters.
 * A plain GET form: selects apply at once, the rest on Enter or "Filter".
 */
export function IncidentFilters({ values, tiers, services, errors, timeZone }: { values: IncidentFilterValues; tiers: { rank: number; name: string }[]; services: { slug: string; name: string }[]; errors: Record<string, string>; timeZone: string }) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const field = (name: keyof IncidentFilterValues) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `filter-${name}-error` : undefined });
  const error = (name: string) => errors[name] && <p id={`filter-${name}-error`} className="field-error">{errors[name]}</p>;
  return (
    <Form action="/incidents" ref={form} className="filters" role="search" aria-label="Filter incidents" replace>
      <div className="field field-grow">
        <label htmlFor="filter-service">Service</label>
        <input id="filter-service" name="service" className="input" list="filter-service-options" defaultValue={values.service} placeholder="Any service (slug)" {...field("service")} />
        <datalist id="filter-service-options">
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>{s.name}</option>
          ))}
        </datalist>
        {error("service")}
      </div>
      <div className="field">
        <label htmlFor="filter-tier">Tier</label>
        <select id="filter-tier" name="tier" className="input" defaultValue={values.tier} onChange={submit} {...field("tier")}>
          <option value="">All tiers</option>
          {tiers.map((t) => (
            <option key={t.rank} value={String(t.rank)}>Tier {t.rank} · {t.name}</option>
          ))}
        </select>
        {error("tier")}
      </div>
      <div className="field">
        <label htmlFor="filter-severity">Severity</label>
        <select id="filter-severity" name="severity" className="input" defaultValue={values.severity.join(",")} onChange={submit} {...field("severity")}>
          <option value="">Any severity</option>
          {SEVERITIES.map((s, i) => (
            <option key={s} value={SEVERITIES.slice(0, i + 1).join(",")}>{i === 0 ? "SEV1" : `SEV1–${s}`}</option>
          ))}
        </select>
        {error("severity")}
      </div>
      <div className="field">
        <label htmlFor="filter-kind">Kind</label>
        <select id="filter-kind" name="kind" className="input" defaultValue={values.kind} onChange={submit} {...field("kind")}>
          <option value="">Unplanned and maintenance</option>
          <option value="unplanned">Unplanned</option>
          <option value="maintenance">Planned maintenance</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" className="input" defaultValue={values.status} onChange={submit} {...field("status")}>
          <option value="">All</option>
          <option value="open">Ongoing</option>
          <option value="resolved">Resolved</option>
          <option value="upcoming">Scheduled (not started)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-from">From ({timeZone})</label>
        <input id="filter-from" name="from" type="date" className="input" defaultValue={values.from} {...field("from")} />
        {error("from")}
      </div>
      <div className="field">
        <label htmlFor="filter-to">To ({timeZone})</label>
        <input id="filter-to" name="to" type="date" className="input" defaultValue={values.to} {...field("to")} />
        {error("to")}
      </div>
      <button type="submit" className="btn btn-secondary">Filter</button>
    </Form>
  );
}
