export default function Loading() {
  return (
    <main className="standalone" id="main" aria-busy="true">
      <div className="standalone-card">
        <p role="status">Loading…</p>
        <div className="skeleton-bar" aria-hidden="true" />
        <div className="skeleton-bar" aria-hidden="true" />
      </div>
    </main>
  );
}
