// Before/after of one audit event as a field-by-field table. Plain component (no hooks), so it
// renders on the server or inside the client feed alike.

type Row = { key: string; before: string; after: string };

function show(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "null";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Changed fields only; for a create (no before) or delete (no after), every field. */
export function diffRows(before: unknown, after: unknown): Row[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) return [];
  if (!b || !a) {
    const only = (a ?? b) as Record<string, unknown>;
    return Object.keys(only).map((key) => ({ key, before: b ? show(only[key]) : "", after: a ? show(only[key]) : "" }));
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((key) => ({ key, before: show(b[key]), after: show(a[key]) }))
    .filter((row) => row.before !== row.after);
}

const EMPTY = <span className="muted">—</span>;

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
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
                <td key={c.side} className={r[c.side] ? c.changed : undefined}>
                  {r[c.side] || EMPTY}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
