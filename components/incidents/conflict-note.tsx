"use client";

import { formatDateTime } from "@/components/format";
import { ApiError } from "@/lib/query/api";

/**
 * After a stale-version 409 on the incident page: who changed the incident and when. The page has
 * already read the latest version (it refreshes itself); what the person typed is still in place.
 */
export function ConflictNote({ error, timeZone, kept }: { error: unknown; timeZone: string; kept?: string }) {
  if (!(error instanceof ApiError) || error.status !== 409 || !error.issues.some((i) => i.path === "version")) return null;
  const who = error.current ? `${error.current.changedBy} changed it at ${formatDateTime(error.current.changedAt, timeZone)} (${timeZone})` : "Someone else changed it";
  return (
    <div role="alert" className="alert alert-warning">
      <p>
        <strong>Not saved: {who}.</strong> The page now shows their change{kept ? `; ${kept}` : ""}. Check, then save again.
      </p>
    </div>
  );
}
