"use client";

import { useQuery } from "@tanstack/react-query";
import type { IncidentChangesDto } from "@/lib/dto/changes";
import { apiRequest } from "./api";
import { queryKeys } from "./keys";

const enc = encodeURIComponent;

/**
 * The changes before an incident, read again when its start or its services change on the page
 * (the window and the services are the incident's); seeded with the server's render.
 */
export function useIncidentChanges(ref: string, startedAt: string, services: string[], initial: IncidentChangesDto) {
  const key = [...services].sort().join(",");
  const seeded = initial.to === new Date(startedAt).toISOString() && initial.services.join(",") === key;
  return useQuery({
    queryKey: [...queryKeys.all, "incident-changes", ref, startedAt, key] as const,
    queryFn: () => apiRequest<IncidentChangesDto>("GET", `/api/v1/incidents/${enc(ref)}/changes`),
    initialData: seeded ? initial : undefined,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}
