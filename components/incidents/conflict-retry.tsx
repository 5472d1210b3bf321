"use client";

import { formatDateTime } from "@/components/format";
import type { HistoryEntry } from "@/lib/domain/incident-history";
import { ApiError } from "@/lib/query/api";
import { describeTimelineData } from "./timeline-text";

type Props = { error: unknown; timeZone: string; theirChanges: HistoryEntry[]; refreshing: boolean; retry: (() => void) | null; onDismiss: () => void; what: string };

/**
 * After a stale-version 409 from a one-click change: who saved first, what they changed (read
 * from the refreshed incident), and the same change again on the version there now.
 */
export function ConflictRetry({ error, timeZone, theirChanges, refreshing, retry, onDismiss, what }: Props) {
  if (!(error instanceof ApiError) || error.status !== 409 || !retry) return null;
  const who = error.current ? `${error.current.changedBy} changed this incident at ${formatDateTime(error.current.changedAt, timeZone)} (${timeZone})` : "Someone else changed this incident";
  return (
    <div role="alert" className="alert alert-warning">
      <p>
        <strong>Not saved: {who}.</strong>
      </p>
      {refreshing ? (
        <p>Reading their change…</p>
      ) : theirChanges.length > 0 ? (
        <ul className="conflict-changes">
          {theirChanges.map((c, i) => (
            <li key={i}>{describeTimelineData(c.data, timeZone)}</li>
          ))}
        </ul>
      ) : (
        <p>The page shows the incident as it is now.</p>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-primary btn-small" disabled={refreshing} onClick={retry}>
          {what} anyway
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss}>
          Keep theirs
        </button>
      </div>
    </div>
  );
}
