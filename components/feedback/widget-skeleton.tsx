/** What a widget shows while its figures are computed: its place, grey bars, and why (for screen readers). */
export function WidgetSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div className="card widget-skeleton" aria-busy="true">
      <p role="status" className="visually-hidden">{label}…</p>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-bar" aria-hidden="true" style={{ width: `${92 - ((i * 13) % 30)}%` }} />
      ))}
    </div>
  );
}
