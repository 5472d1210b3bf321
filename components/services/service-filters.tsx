"use client";

import Form from "next/form";
import { useRef } from "react";

type TierOption = { rank: number; name: string };

/**
 * Filters live in the URL (?tier=&q=&archived=) so a filtered list can be shared and the server
 * does the filtering. A plain GET form: works without JavaScript; with it, picking a tier
 * applies at once and the search applies on Enter or "Filter".
 */
export function ServiceFilters({ tiers, tier, q, archived }: { tiers: TierOption[]; tier: string; q: string; archived: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <Form action="/services" ref={formRef} className="filters" role="search" aria-label="Filter services" replace>
      <div className="field">
        <label htmlFor="filter-tier">Tier</label>
        <select id="filter-tier" name="tier" className="input" defaultValue={tier} onChange={() => formRef.current?.requestSubmit()}>
          <option value="">All tiers</option>
          {tiers.map((t) => (
            <option key={t.rank} value={String(t.rank)}>
              Tier {t.rank} · {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-grow">
        <label htmlFor="filter-q">Search services</label>
        <input id="filter-q" name="q" type="search" className="input" defaultValue={q} placeholder="Name or slug" />
      </div>
      {archived && <input type="hidden" name="archived" value="true" />}
      <button type="submit" className="btn btn-secondary">
        Filter
      </button>
    </Form>
  );
}
