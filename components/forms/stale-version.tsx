"use client";

import { ApiError } from "@/lib/query/api";

/** True for the 409 the API sends when someone else saved first (optimistic concurrency). */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.issues.some((i) => i.path === "version");
}

/**
 * Offered inside the form alert after a stale-version 409: a full reload shows what the other
 * person saved (the form keeps the typed values otherwise, which would hide their change).
 */
export function ReloadLatest() {
  return (
    <p>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => window.location.reload()}>
        Reload the latest version
      </button>
    </p>
  );
}
