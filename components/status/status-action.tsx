import "@/app/status/status.css";

/** A one-button page of the status page (confirm, unsubscribe): a plain form, no script needed. */
export function StatusAction({ title, text, action, button }: { title: string; text: string; action: string; button: string }) {
  return (
    <main className="status-page">
      <h1>{title}</h1>
      <p>{text}</p>
      <form method="post" action={action}>
        <button type="submit" className="btn btn-primary">
          {button}
        </button>
      </form>
      <p className="status-meta">
        <a href="/status">Back to the status page</a>
      </p>
    </main>
  );
}
