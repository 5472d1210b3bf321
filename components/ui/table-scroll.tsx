import type { ReactNode } from "react";

/**
 * A table's horizontal scroller for narrow screens. Focusable and named, so that a keyboard can
 * scroll a table that has no links of its own (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, id, children }: { label: string; id?: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label} id={id}>
      {children}
    </div>
  );
}
