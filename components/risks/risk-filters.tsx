"use client";

import Form from "next/form";
import { useRef } from "react";
import { RISK_LEVELS } from "@/lib/domain/risk-matrix";
import { RISK_TREATMENT_LABELS, RISK_TREATMENTS } from "@/lib/domain/risk-rules";

export type RiskFilterValues = { assessment: string; cell: string; service: string; level: string; treatment: string; status: string; overdue: string; owner: string; q: string; sort: string };

/** The register's filters, kept in the URL (a plain GET form): selects apply at once, text on Enter. */
export function RiskFilters({ values, services, errors }: { values: RiskFilterValues; services: { slug: string; name: string }[]; errors: Record<string, string> }) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const field = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `risk-filter-${name}-error` : undefined });
  const error = (name: string) => errors[name] && <p id={`risk-filter-${name}-error`} className="field-error">{errors[name]}</p>;
  return (
    <Form action="/risks" ref={form} className="filters" role="search" aria-label="Filter risks" replace>
      <input type="hidden" name="assessment" value={values.assessment} />
      {values.cell && <input type="hidden" name="cell" value={values.cell} />}
      <div className="field field-grow">
        <label htmlFor="risk-filter-q">Search</label>
        <input id="risk-filter-q" name="q" className="input" type="search" defaultValue={values.q} placeholder="Title or RISK-12" {...field("q")} />
        {error("q")}
      </div>
      <div className="field">
        <label htmlFor="risk-filter-service">Service</label>
        <input id="risk-filter-service" name="service" className="input" list="risk-filter-service-options" defaultValue={values.service} placeholder="Any (slug, or none)" {...field("service")} />
        <datalist id="risk-filter-service-options">
          <option value="none">Cross-cutting risks</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>{s.name}</option>
          ))}
        </datalist>
        {error("service")}
      </div>
      <div className="field">
        <label htmlFor="risk-filter-level">Level</label>
        <select id="risk-filter-level" name="level" className="input" defaultValue={values.level} onChange={submit} {...field("level")}>
          <option value="">Any level</option>
          {[...RISK_LEVELS].reverse().map((l) => (
            <option key={l} value={l}>{l}</option>
          ))}
          <option value="HIGH,CRITICAL">HIGH and CRITICAL</option>
        </select>
        {error("level")}
      </div>
      <div className="field">
        <label htmlFor="risk-filter-treatment">Treatment</label>
        <select id="risk-filter-treatment" name="treatment" className="input" defaultValue={values.treatment} onChange={submit} {...field("treatment")}>
          <option value="">Any treatment</option>
          {RISK_TREATMENTS.map((t) => (
            <option key={t} value={t}>{RISK_TREATMENT_LABELS[t]}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="risk-filter-status">Status</label>
        <select id="risk-filter-status" name="status" className="input" defaultValue={values.status} onChange={submit}>
          <option value="">Open</option>
          <option value="closed">Closed</option>
          <option value="all">Open and closed</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="risk-filter-overdue">Review</label>
        <select id="risk-filter-overdue" name="overdue" className="input" defaultValue={values.overdue} onChange={submit}>
          <option value="">Any review date</option>
          <option value="true">Review overdue</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="risk-filter-owner">Owner</label>
        <input id="risk-filter-owner" name="owner" className="input" defaultValue={values.owner} placeholder="Anyone" {...field("owner")} />
        {error("owner")}
      </div>
      <div className="field">
        <label htmlFor="risk-filter-sort">Sort by</label>
        <select id="risk-filter-sort" name="sort" className="input" defaultValue={values.sort} onChange={submit}>
          <option value="">Score, worst first</option>
          <option value="badMinutes">Bad minutes a year</option>
          <option value="reviewDue">Review due, soonest first</option>
          <option value="newest">Newest</option>
        </select>
      </div>
      <button type="submit" className="btn btn-secondary">Filter</button>
    </Form>
  );
}
