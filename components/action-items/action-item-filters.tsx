"use client";

import Form from "next/form";
import Link from "next/link";
import { useRef } from "react";
import { DUE_FILTER_LABELS, DUE_FILTERS } from "@/lib/domain/action-items";

export type ActionItemFilterValues = { status: string; owner: string; service: string; due: string };

/** Owner, service and due date, kept in the URL (a GET form): a filtered list can be shared. */
export function ActionItemFilters({ values, owners, services, errors }: { values: ActionItemFilterValues; owners: string[]; services: { slug: string; name: string }[]; errors: Record<string, string> }) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const field = (name: keyof ActionItemFilterValues) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `filter-${name}-error` : undefined });
  const error = (name: string) => errors[name] && <p id={`filter-${name}-error`} className="field-error">{errors[name]}</p>;
  const filtered = Boolean(values.owner || values.service || values.due);
  return (
    <Form action="/action-items" ref={form} className="filters" role="search" aria-label="Filter action items" replace>
      <input type="hidden" name="status" value={values.status} />
      <div className="field field-grow">
        <label htmlFor="filter-owner">Owner</label>
        <input id="filter-owner" name="owner" className="input" list="filter-owner-options" defaultValue={values.owner} placeholder="Anyone" {...field("owner")} />
        <datalist id="filter-owner-options">
          {owners.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        {error("owner")}
      </div>
      <div className="field">
        <label htmlFor="filter-service">Service</label>
        <select id="filter-service" name="service" className="input" defaultValue={values.service} onChange={submit} {...field("service")}>
          <option value="">Any service</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>{s.name}</option>
          ))}
        </select>
        {error("service")}
      </div>
      <div className="field">
        <label htmlFor="filter-due">Due</label>
        <select id="filter-due" name="due" className="input" defaultValue={values.due} onChange={submit} {...field("due")}>
          <option value="">Any due date</option>
          {DUE_FILTERS.map((d) => (
            <option key={d} value={d}>{DUE_FILTER_LABELS[d]}</option>
          ))}
        </select>
        {error("due")}
      </div>
      <button type="submit" className="btn btn-secondary">Filter</button>
      {filtered && <Link className="btn btn-ghost" href={values.status === "open" ? "/action-items" : `/action-items?status=${values.status}`}>Clear filters</Link>}
    </Form>
  );
}
