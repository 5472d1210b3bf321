"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * A list's filters: always shown on a wide screen; on a phone folded behind a "Filters" button
 * (a disclosure: aria-expanded, aria-controls) that says how many are applied, so the list itself
 * is what the first screen shows. Opens by itself when a filter has an error to show.
 */
export function FiltersDisclosure({ active, startOpen = false, children }: { active: number; startOpen?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(startOpen);
  const id = useId();
  return (
    <div className="filters-disclosure" data-open={open ? "" : undefined}>
      <button type="button" className="btn btn-secondary filters-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? "Hide filters" : "Filters"}
        {active > 0 && <span className="badge">{active} applied</span>}
      </button>
      <div id={id} className="filters-body">
        {children}
      </div>
    </div>
  );
}
