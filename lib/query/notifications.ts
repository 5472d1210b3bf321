"use client";

import type { ChannelTestDto, ChannelWithSecretDto, SubscriptionDto } from "@/lib/dto/notifications";
import type { Deleted } from "@/lib/dto/common";
import type { ChannelInput, ChannelUpdate, SubscriptionInput } from "@/lib/schemas/notification";
import type { StatusPageSettingsDto } from "@/lib/dto/status-page";
import type { StatusPageUpdate } from "@/lib/schemas/status-page";
import type { z } from "zod";
import { apiRequest } from "./api";
import { useApiMutation } from "./use-api-mutation";

// The notification settings' writes: the page is server-rendered, so each refreshes it.
const enc = encodeURIComponent;

export const useCreateChannel = () => useApiMutation((input: z.input<typeof ChannelInput>) => apiRequest<ChannelWithSecretDto>("POST", "/api/v1/notification-channels", input));

export const useUpdateChannel = (id: string) => useApiMutation((input: ChannelUpdate) => apiRequest<ChannelWithSecretDto>("PATCH", `/api/v1/notification-channels/${enc(id)}`, input));

export const useDeleteChannel = (id: string) => useApiMutation((_: void) => apiRequest<Deleted>("DELETE", `/api/v1/notification-channels/${enc(id)}`));

export const useTestChannel = (id: string) => useApiMutation((_: void) => apiRequest<ChannelTestDto>("POST", `/api/v1/notification-channels/${enc(id)}/test`));

export const useCreateSubscription = () => useApiMutation((input: z.input<typeof SubscriptionInput>) => apiRequest<SubscriptionDto>("POST", "/api/v1/subscriptions", input));

export const useDeleteSubscription = (id: string) => useApiMutation((_: void) => apiRequest<Deleted>("DELETE", `/api/v1/subscriptions/${enc(id)}`));

export const useUpdateStatusPage = () => useApiMutation((input: StatusPageUpdate) => apiRequest<StatusPageSettingsDto>("PATCH", "/api/v1/status-page", input));
