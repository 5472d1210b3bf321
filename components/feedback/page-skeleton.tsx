/** Loading UI for a route segment: the title at once, grey bars where the content will be. */
export function PageSkeleton({ title, rows = 6 }: { title: string; rows?: number }) {
  return (
    <div className="skeleton-page" aria-busy="true">
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      <p role="status" className="visually-hidden">
        Loading {title.toLowerCase()}…
      </p>
      <div className="card" aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="skeleton-bar" style={{ width: `${90 - ((i * 17) % 35)}%` }} />
        ))}
      </div>
    </div>
  );
}
