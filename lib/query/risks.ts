"use client";

import type { RiskIncidentLinkDto } from "@/lib/dto/risk-links";
import type { ActionItemDto } from "@/lib/dto/action-items";
import type { RiskDto } from "@/lib/dto/risks";
import type { ActionItemInput, ActionItemUpdate } from "@/lib/schemas/action-item";
import type { RiskInput, RiskReviewInput, RiskUpdate } from "@/lib/schemas/risk";
import { apiRequest } from "./api";
import { queryKeys } from "./keys";
import { useApiMutation } from "./use-api-mutation";

// One hook per risk write; pages are server-rendered, so each refreshes the route on success.
const enc = encodeURIComponent;

export const useCreateRisk = () => useApiMutation((input: RiskInput) => apiRequest<RiskDto>("POST", "/api/v1/risks", input), { refresh: false });

export const useUpdateRisk = (id: string) => useApiMutation((input: RiskUpdate) => apiRequest<RiskDto>("PATCH", `/api/v1/risks/${enc(id)}`, input), { refresh: false });

export const useDeleteRisk = (id: string) => useApiMutation((_: void) => apiRequest<{ deleted: true }>("DELETE", `/api/v1/risks/${enc(id)}`), { refresh: false });

export const useReviewRisk = (id: string) => useApiMutation((input: RiskReviewInput) => apiRequest<RiskDto>("POST", `/api/v1/risks/${enc(id)}/review`, input));

export const useLinkIncident = (id: string) =>
  useApiMutation(({ incident, linked }: { incident: string; linked: boolean }) =>
    apiRequest<RiskIncidentLinkDto>(linked ? "PUT" : "DELETE", `/api/v1/risks/${enc(id)}/incidents/${enc(incident)}`),
  );

export const useCreateRiskActionItem = () =>
  useApiMutation((input: ActionItemInput) => apiRequest<ActionItemDto>("POST", "/api/v1/action-items", input), { invalidate: [queryKeys.actionItems()] });

export const useUpdateRiskActionItem = () =>
  useApiMutation(({ id, ...input }: ActionItemUpdate & { id: string }) => apiRequest<ActionItemDto>("PATCH", `/api/v1/action-items/${enc(id)}`, input), { invalidate: [queryKeys.actionItems()] });
