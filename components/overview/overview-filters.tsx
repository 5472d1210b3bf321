"use client";

import Form from "next/form";
import { useRef } from "react";
import { PER_PAGE_OPTIONS } from "@/lib/dto/overview-options";

export type OverviewFilterValues = { tier: string; q: string; state: string; sort: string; perPage: string };

const SORTS = [
  ["budget", "Budget left, least first"],
  ["availability", "Availability, lowest first"],
  ["burn", "Burn rate (1h), highest first"],
  ["name", "Name"],
] as const;

/** In the URL, so a view of the fleet can be shared; selects apply at once, the search on Enter. */
export function OverviewFilters({ values, tiers }: { values: OverviewFilterValues; tiers: { rank: number; name: string }[] }) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <Form action="/" ref={form} className="filters" role="search" aria-label="Filter and sort services" replace>
      <div className="field field-grow">
        <label htmlFor="overview-q">Search services</label>
        <input id="overview-q" name="q" type="search" className="input" defaultValue={values.q} placeholder="Name or slug" />
      </div>
      <div className="field">
        <label htmlFor="overview-tier">Tier</label>
        <select id="overview-tier" name="tier" className="input" defaultValue={values.tier} onChange={submit}>
          <option value="">All tiers</option>
          {tiers.map((t) => (
            <option key={t.rank} value={String(t.rank)}>Tier {t.rank} · {t.name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="overview-sort">Sort by</label>
        <select id="overview-sort" name="sort" className="input" defaultValue={values.sort} onChange={submit}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="overview-per-page">Per page</label>
        <select id="overview-per-page" name="perPage" className="input" defaultValue={values.perPage} onChange={submit}>
          {PER_PAGE_OPTIONS.map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </select>
      </div>
      {values.state && <input type="hidden" name="state" value={values.state} />}
      <button type="submit" className="btn btn-secondary">Apply</button>
    </Form>
  );
}
