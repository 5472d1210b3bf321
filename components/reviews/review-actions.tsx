"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import type { ReviewDto } from "@/lib/dto/reviews";
import { useCloseReview, useReopenReview, useStartReview } from "@/lib/query/reviews";

/** Start, close (freezes every figure), reopen (admin), print. Hidden when printing. */
/**
 * Takes only the three fields it acts on: a client component's props are serialized into the page,
 * and the whole review is every service's figures (megabytes at a thousand services).
 */
export function ReviewActions({ review, canEdit, isAdmin }: { review: Pick<ReviewDto, "week" | "state" | "version">; canEdit: boolean; isAdmin: boolean }) {
  const start = useStartReview();
  const close = useCloseReview(review.week);
  const reopen = useReopenReview(review.week);
  const error = start.error ?? close.error ?? reopen.error;
  return (
    <div className="review-actions no-print">
      {canEdit && review.state === "not_started" && (
        <button type="button" className="btn btn-primary" disabled={start.isPending} onClick={() => start.mutate(review.week)}>
          Start this review
        </button>
      )}
      {canEdit && review.state === "open" && review.version !== null && (
        <ConfirmAction
          variant="secondary"
          label="Close review"
          confirmLabel="Close and freeze the figures"
          prompt="Closing stores every figure as it is now; later edits to incidents show as changes, not silently."
          pending={close.isPending}
          onConfirm={() => close.mutate(review.version as number)}
        />
      )}
      {isAdmin && review.state === "closed" && (
        <ConfirmAction variant="secondary" label="Reopen review" confirmLabel="Reopen: figures become live again" prompt="Reopening discards the frozen figures (the audit trail keeps them)." pending={reopen.isPending} onConfirm={() => reopen.mutate()} />
      )}
      <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
        Print
      </button>
      {error && <p role="alert" className="alert alert-error">{error.message}</p>}
    </div>
  );
}
