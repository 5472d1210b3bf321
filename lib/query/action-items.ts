"use client";

import type { ActionItemInput, ActionItemUpdate } from "@/lib/schemas/action-item";
import { apiRequest } from "./api";
import { queryKeys } from "./keys";
import type { ActionItemDto } from "./types";
import { useApiMutation } from "./use-api-mutation";

const enc = encodeURIComponent;

/** The action-items page's writes: each refreshes the page, which reads the list on the server. */
export const useUpdateActionItemStatus = () =>
  useApiMutation(({ id, ...input }: ActionItemUpdate & { id: string }) => apiRequest<ActionItemDto>("PATCH", `/api/v1/action-items/${enc(id)}`, input), { invalidate: [queryKeys.actionItems()] });

export const useCreateActionItemFromList = () =>
  useApiMutation((input: ActionItemInput) => apiRequest<ActionItemDto>("POST", "/api/v1/action-items", input), { invalidate: [queryKeys.actionItems()] });
