/** Loading state of the pages outside the app shell (sign-in, setup): a card-shaped skeleton. */
export function StandaloneLoading() {
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
