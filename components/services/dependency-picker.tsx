"use client";

import { useId, useState } from "react";
import { describedBy } from "@/components/forms/field";

export type DependencyOption = { slug: string; name: string; archived?: boolean };

/**
 * Multi-select of other services as a filterable checkbox list: unlike <select multiple>, it
 * needs no Ctrl-click, reads well to screen readers and scales to a few hundred services.
 * Checked services stay visible whatever the filter says.
 */
export function DependencyPicker({
  id,
  options,
  value,
  onChange,
  error,
  legend = "Dependencies",
  purpose = "The services this one needs in order to work.",
  empty = "There are no other services yet. Add dependencies later by editing this service.",
}: {
  id: string;
  options: DependencyOption[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  /** The field's name, what choosing means, and what to say when there is nothing to choose. */
  legend?: string;
  purpose?: string;
  empty?: string;
}) {
  const [filter, setFilter] = useState("");
  const legendId = useId();
  const needle = filter.trim().toLowerCase();
  const sorted = [...options].sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }) || a.slug.localeCompare(b.slug));
  const visible = sorted.filter(
    (o) => value.includes(o.slug) || !needle || o.slug.includes(needle) || o.name.toLowerCase().includes(needle),
  );
  const hint = `${value.length} selected. ${purpose}`;

  function toggle(slug: string, checked: boolean) {
    onChange(checked ? [...value, slug].sort() : value.filter((s) => s !== slug));
  }

  return (
    <fieldset className={`field span-all${error ? " field-invalid" : ""}`} aria-describedby={describedBy(id, error, hint)}>
      <legend id={legendId}>{legend}</legend>
      {options.length === 0 ? (
        <p className="field-hint" id={`${id}-hint`}>
          {empty}
        </p>
      ) : (
        <>
          <p className="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
          {options.length > 8 && (
            <input
              id={id}
              type="search"
              className="input"
              aria-label={`Filter ${legend.toLowerCase()}`}
              placeholder="Filter by name or slug"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
          <div className={`check-list${error ? " check-list-invalid" : ""}`} role="group" aria-labelledby={legendId}>
            {visible.map((o, i) => (
              <label key={o.slug} className="check">
                <input
                  // The first checkbox takes the field id when there is no filter box, so focus
                  // can move here after a failed submit.
                  id={options.length <= 8 && i === 0 ? id : undefined}
                  type="checkbox"
                  checked={value.includes(o.slug)}
                  onChange={(e) => toggle(o.slug, e.target.checked)}
                />
                <span>
                  {o.name} <small>{o.slug}</small>
                  {o.archived && <small> (archived)</small>}
                </span>
              </label>
            ))}
            {visible.length === 0 && <p className="muted">No service matches “{filter}”.</p>}
          </div>
        </>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
