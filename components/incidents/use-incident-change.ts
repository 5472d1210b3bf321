"use client";

import { useState } from "react";
import { changeEntries, type HistoryEntry } from "@/lib/domain/incident-history";
import { isStaleVersion } from "@/components/forms/stale-version";
import { usePatchIncident } from "@/lib/query/incidents";
import type { IncidentDetailDto } from "@/lib/query/types";
import type { IncidentUpdate } from "@/lib/schemas/incident";
import type { z } from "zod";

type Change = Omit<z.input<typeof IncidentUpdate>, "version">;

/** The incident as the history compares it: its roles' holders by user id or typed name. */
const historyState = (i: IncidentDetailDto) => ({ ...i, holders: i.roles.map((r) => ({ role: r.role, user: r.user?.id ?? null, name: r.name })) });

/**
 * A change from the incident page, sent with the version the page holds, so the person never
 * handles versions. When someone else saved first (a 409), it keeps the change and the incident
 * it was based on: the page, refreshed meanwhile, says what they changed and offers to send it
 * again on the new version.
 */
export function useIncidentChange(incident: IncidentDetailDto) {
  const patch = usePatchIncident(incident.reference);
  const [stale, setStale] = useState<{ change: Change; basis: IncidentDetailDto } | null>(null);

  function send(change: Change, onSuccess?: () => void) {
    const basis = incident;
    setStale(null);
    patch.mutate({ ...change, version: basis.version }, { onSuccess, onError: (e) => isStaleVersion(e) && setStale({ change, basis }) });
  }

  /** What changed between the version the change was based on and the one shown now. */
  const theirChanges: HistoryEntry[] = stale && stale.basis.version !== incident.version ? changeEntries(historyState(stale.basis), historyState(incident), incident.updatedAt) : [];

  return {
    send,
    retry: stale ? () => send(stale.change) : null,
    theirChanges,
    /** True until the page has read the newer version the 409 named. */
    refreshing: stale !== null && stale.basis.version === incident.version,
    pending: patch.isPending,
    error: patch.error,
    reset: () => {
      setStale(null);
      patch.reset();
    },
  };
}
