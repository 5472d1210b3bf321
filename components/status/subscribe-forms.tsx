/** What the page says after a form came back (the route redirects here with these in the query). */
const DONE: Record<string, string> = {
  confirmation_sent: "Check your inbox: we sent a link to confirm. Nothing more is sent until you do.",
  subscribed: "Subscribed: your webhook receives the updates from now on.",
  confirmed: "Confirmed: you will receive the updates by email. Every message has a link to stop them.",
  unsubscribed: "Unsubscribed: you will receive nothing more.",
};

function Field({ id, name, label, type, placeholder, error }: { id: string; name: string; label: string; type: string; placeholder: string; error: string | null }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type={type} className="input" placeholder={placeholder} required aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Follow the page by email or webhook: plain forms (no script needed), answered by a redirect
 * back here; a refused value is named beside its field.
 */
export function SubscribeForms({ query }: { query: Record<string, string | undefined> }) {
  const done = query.subscribed ? DONE[query.subscribed] : undefined;
  const error = query.error ?? null;
  const onField = (f: string) => (error && query.field === f ? error : null);
  const general = error && query.field !== "email" && query.field !== "webhook" ? error : null;
  return (
    <section aria-labelledby="subscribe-heading" id="subscribe" className="status-subscribe">
      <h2 id="subscribe-heading">Get updates</h2>
      {done && (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      )}
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      <div className="status-subscribe-forms">
        <form method="post" action="/status/subscribe" aria-label="Updates by email">
          <Field id="subscribe-email" name="email" label="By email" type="email" placeholder="you@example.com" error={onField("email")} />
          <button type="submit" className="btn btn-secondary">Subscribe by email</button>
        </form>
        <form method="post" action="/status/subscribe" aria-label="Updates by webhook">
          <Field id="subscribe-webhook" name="webhook" label="By webhook (JSON)" type="url" placeholder="https://hooks.example.com/status" error={onField("webhook")} />
          <button type="submit" className="btn btn-secondary">Subscribe a webhook</button>
        </form>
      </div>
      <p className="status-meta">
        Or follow the <a href="/status/feed.atom">Atom feed</a>.
      </p>
    </section>
  );
}
