"use client";

import { useState, type FormEvent } from "react";
import { formatDateTime } from "@/components/format";
import type { RiskDetailDto } from "@/lib/dto/risks";
import { useReviewRisk } from "@/lib/query/risks";
import { RiskReviewInput } from "@/lib/schemas/risk";
import { zodIssues } from "@/lib/schemas/issues";
import { LevelBadge } from "./level-badge";
import { ReviewDue } from "./review-due";

/** Mark reviewed (with a note) and the history of reviews, newest first, from the audit trail. */
export function ReviewPanel({ risk, canEdit, timeZone }: { risk: RiskDetailDto; canEdit: boolean; timeZone: string }) {
  const review = useReviewRisk(risk.id);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { note, version: risk.version };
    const parsed = RiskReviewInput.safeParse(body);
    if (!parsed.success) return setError(zodIssues(parsed.error)[0]?.message ?? "Not valid");
    setError(null);
    review.mutate(body, { onSuccess: () => setNote(""), onError: (e) => setError(e.issues.find((i) => i.path === "note")?.message ?? e.message) });
  }

  return (
    <section className="card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      <p>
        Next review due: <ReviewDue dueAt={risk.reviewDueAt} overdue={risk.reviewOverdue} timeZone={timeZone} />
        {risk.lastReviewedAt && (
          <span className="muted"> · last reviewed {formatDateTime(risk.lastReviewedAt, timeZone)} {timeZone}</span>
        )}
      </p>
      {canEdit && risk.status === "open" && (
        <form onSubmit={submit} noValidate aria-label="Mark reviewed" className="stack-form">
          <div className="field">
            <label htmlFor="review-note">Review note</label>
            <textarea id="review-note" className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What changed, what was checked" aria-invalid={error ? true : undefined} aria-describedby={error ? "review-note-error" : undefined} />
            {error && <p id="review-note-error" className="field-error" role="alert">{error}</p>}
          </div>
          <button type="submit" className="btn btn-secondary" disabled={review.isPending}>{review.isPending ? "Saving…" : "Mark reviewed"}</button>
        </form>
      )}
      {risk.reviews.length === 0 ? (
        <p className="muted">Not reviewed yet.</p>
      ) : (
        <>
        {risk.reviewsTotal > risk.reviews.length && <p className="muted small">The {risk.reviews.length} most recent of {risk.reviewsTotal} reviews (all are in the audit trail).</p>}
        <ol className="review-list" aria-label="Review history">
          {risk.reviews.map((r) => (
            <li key={r.at}>
              <div>
                <time dateTime={r.at}>{formatDateTime(r.at, timeZone)}</time> {timeZone} · {r.by} {r.level && <LevelBadge level={r.level} />}
              </div>
              {r.note && <p className="review-note">{r.note}</p>}
            </li>
          ))}
        </ol>
        </>
      )}
    </section>
  );
}
