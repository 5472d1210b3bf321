"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ActionItemInput, ActionItemUpdate } from "@/lib/schemas/action-item";
import type { IncidentInput, IncidentUpdate, TimelineEventInput } from "@/lib/schemas/incident";
import { apiRequest, type ApiError } from "./api";
import { queryKeys } from "./keys";
import type { ActionItemDto, IncidentDetailDto, IncidentDto, TimelineEventDto } from "./types";
import { useApiMutation } from "./use-api-mutation";

const enc = encodeURIComponent;

/** Bodies as sent: the schemas' input types (instants as ISO strings, turned into Dates on the server). */
type In<T extends z.ZodType> = z.input<T>;

export const useDeclareIncident = () =>
  useApiMutation((input: In<typeof IncidentInput>) => apiRequest<IncidentDto>("POST", "/api/v1/incidents", input), { refresh: false });

/** How often an ongoing incident's page asks for news: two responders see each other's updates. */
export const LIVE_INTERVAL_MS = 4000;

/**
 * The incident page's data, seeded with what the server rendered (no second request on first
 * paint), then refreshed every few seconds while the incident is ongoing.
 */
export function useIncident(ref: string, initial: IncidentDetailDto, renderedAt: number) {
  return useQuery({
    queryKey: queryKeys.incident(ref),
    queryFn: () => apiRequest<IncidentDetailDto>("GET", `/api/v1/incidents/${enc(ref)}`),
    initialData: initial,
    // As fresh as the server's render: no second request for the first paint.
    initialDataUpdatedAt: renderedAt,
    staleTime: LIVE_INTERVAL_MS,
    refetchInterval: (query) => (query.state.data?.ongoing ? LIVE_INTERVAL_MS : false),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}

/**
 * A write on the incident page. Afterwards, whether it worked or was refused (a stale version:
 * someone else saved first), the page's data is read again, so what it shows is the latest.
 */
function useIncidentWrite<TVars, TResult>(ref: string, request: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation<TResult, ApiError, TVars>({
    mutationFn: request,
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.incident(ref) }),
  });
}

export const usePatchIncident = (ref: string) =>
  useIncidentWrite(ref, (input: In<typeof IncidentUpdate>) => apiRequest<IncidentDto>("PATCH", `/api/v1/incidents/${enc(ref)}`, input));

export const useAddTimelineEntry = (ref: string) =>
  useIncidentWrite(ref, (input: In<typeof TimelineEventInput>) => apiRequest<TimelineEventDto>("POST", `/api/v1/incidents/${enc(ref)}/events`, input));

export const useDeleteIncident = (ref: string) => useApiMutation((_: void) => apiRequest<{ deleted: true }>("DELETE", `/api/v1/incidents/${enc(ref)}`), { refresh: false });

export const useCreateActionItem = (ref: string) =>
  useIncidentWrite(ref, (input: In<typeof ActionItemInput>) => apiRequest<ActionItemDto>("POST", "/api/v1/action-items", input));

export const useUpdateActionItem = (ref: string) =>
  useIncidentWrite(ref, ({ id, ...input }: In<typeof ActionItemUpdate> & { id: string }) => apiRequest<ActionItemDto>("PATCH", `/api/v1/action-items/${enc(id)}`, input));
