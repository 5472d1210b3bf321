"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { usePublishReport, useUnpublishReport } from "@/lib/query/reports";

/**
 * Publish (editor, once the period is over), unpublish (admin), print. Hidden when printing. Takes
 * only what it acts on: the report itself is every figure of the period.
 */
export function ReportActions({ period, scope, published, complete, canEdit, isAdmin }: { period: string; scope: string; published: boolean; complete: boolean; canEdit: boolean; isAdmin: boolean }) {
  const publish = usePublishReport(period, scope);
  const unpublish = useUnpublishReport(period, scope);
  const error = publish.error ?? unpublish.error;
  return (
    <div className="review-actions no-print">
      {canEdit && !published && complete && (
        <ConfirmAction variant="secondary" label="Publish report" confirmLabel="Publish and freeze the figures" prompt="Publishing stores every figure as it is now; later edits to incidents no longer change this report." pending={publish.isPending} onConfirm={() => publish.mutate()} />
      )}
      {canEdit && !published && !complete && <p className="muted small">This period is still running: it can be published once it is over.</p>}
      {isAdmin && published && (
        <ConfirmAction variant="secondary" label="Unpublish" confirmLabel="Unpublish: figures become live again" prompt="Unpublishing discards the frozen figures (the audit trail keeps who published them and when)." pending={unpublish.isPending} onConfirm={() => unpublish.mutate()} />
      )}
      <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
        Print
      </button>
      {error && <p role="alert" className="alert alert-error">{error.message}</p>}
    </div>
  );
}
