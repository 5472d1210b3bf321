import type { ReactNode } from "react";
import { formatDateTime } from "@/components/format";

// Before/after of one audit event as a field-by-field table. Plain component (no hooks), so it
// renders on the server or inside the client feed alike.

type Row = { key: string; before: unknown; after: unknown };

/** Absent (a create has no before) is not the same as null (a field that was empty). */
const ABSENT = Symbol("absent");

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Changed fields only; for a create (no before) or delete (no after), every field. */
function diffRows(before: unknown, after: unknown): Row[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) return [];
  if (!b || !a) {
    const only = (a ?? b) as Record<string, unknown>;
    return Object.keys(only).map((key) => ({ key, before: b ? only[key] : ABSENT, after: a ? only[key] : ABSENT }));
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((key) => ({ key, before: key in b ? b[key] : ABSENT, after: key in a ? a[key] : ABSENT }))
    .filter((row) => !same(row.before, row.after));
}

const EMPTY = <span className="muted">—</span>;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A stored instant reads in the organisation's zone (named in the feed's time column), as every time on the page. */
function scalar(value: unknown, timeZone: string): string {
  if (typeof value === "string") return INSTANT.test(value) ? `${formatDateTime(value, timeZone)} ${timeZone}` : value;
  return JSON.stringify(value);
}

/** "service: checkout · fraction: 0.25 · startedAt: null" for one record of a list. */
function inline(record: Record<string, unknown>, timeZone: string): string {
  return Object.entries(record)
    .map(([k, v]) => `${k}: ${asRecord(v) || Array.isArray(v) ? JSON.stringify(v) : scalar(v, timeZone)}`)
    .join(" · ");
}

/** A value as a person reads it: lists as lists, records as key: value, never a JSON blob. */
export function AuditValue({ value, timeZone }: { value: unknown; timeZone: string }): ReactNode {
  if (value === ABSENT || value === undefined || value === "") return EMPTY;
  if (value === null) return <span className="muted">empty</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">none</span>;
    return (
      <ul className="audit-list">
        {value.map((item, i) => (
          <li key={i}>{asRecord(item) ? inline(item as Record<string, unknown>, timeZone) : scalar(item, timeZone)}</li>
        ))}
      </ul>
    );
  }
  const record = asRecord(value);
  if (record) return <span>{inline(record, timeZone)}</span>;
  return scalar(value, timeZone);
}

export function AuditDiff({ before, after, timeZone }: { before: unknown; after: unknown; timeZone: string }) {
  const rows = diffRows(before, after);
  if (rows.length === 0) return <span className="muted">no field changes</span>;
  // A create or delete has one side only: show it as a single "Value" column.
  const one = !asRecord(before) ? "after" : !asRecord(after) ? "before" : null;
  const columns: { side: "before" | "after"; label: string; changed?: string }[] = one
    ? [{ side: one, label: one === "after" ? "Value" : "Value before" }]
    : [
        { side: "before", label: "Before", changed: "diff-before" },
        { side: "after", label: "After", changed: "diff-after" },
      ];
  return (
    <details className="diff">
      <summary>
        {rows.length} field{rows.length === 1 ? "" : "s"}
      </summary>
      <table className="diff-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            {columns.map((c) => (
              <th key={c.side} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.key}</th>
              {columns.map((c) => (
                <td key={c.side} className={r[c.side] !== ABSENT ? c.changed : undefined}>
                  <AuditValue value={r[c.side]} timeZone={timeZone} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
