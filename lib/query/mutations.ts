"use client";

import type { IntegrationsDto } from "@/lib/dto/integrations";
import type { ApiTokenInput } from "@/lib/schemas/api-token";
import type { IntegrationsUpdate } from "@/lib/schemas/integrations";
import type { ServiceInput, ServiceUpdate } from "@/lib/schemas/service";
import type { SettingsUpdate } from "@/lib/schemas/settings";
import type { TierInput, TierUpdate } from "@/lib/schemas/tier";
import type { SetupInput, UserInput, UserUpdate } from "@/lib/schemas/user";
import { apiRequest } from "./api";
import { queryKeys } from "./keys";
import type { ApiTokenDto, ServiceDto, SettingsDto, TierDto, UserDto } from "./types";
import { useApiMutation } from "./use-api-mutation";
import type { DatasourceDto } from "@/lib/dto/datasources";
import type { DatasourceInput } from "@/lib/schemas/datasource";

// One hook per API write, so components never build URLs or pick HTTP methods themselves.
const enc = encodeURIComponent;

export const useSetupMutation = () =>
  useApiMutation((input: SetupInput) => apiRequest<UserDto>("POST", "/api/setup", input), { refresh: false });

export const useCreateService = () =>
  useApiMutation((input: ServiceInput) => apiRequest<ServiceDto>("POST", "/api/v1/services", input), {
    invalidate: [queryKeys.services()],
  });

export const useUpdateService = (slug: string) =>
  useApiMutation((input: ServiceUpdate) => apiRequest<ServiceDto>("PATCH", `/api/v1/services/${enc(slug)}`, input), {
    invalidate: [queryKeys.services()],
  });

export const useArchiveService = (slug: string) =>
  useApiMutation((_: void) => apiRequest<ServiceDto>("DELETE", `/api/v1/services/${enc(slug)}`), {
    invalidate: [queryKeys.services()],
  });

export const useCreateTier = () =>
  useApiMutation((input: TierInput) => apiRequest<TierDto>("POST", "/api/v1/tiers", input), {
    invalidate: [queryKeys.tiers()],
  });

export const useUpdateTier = (id: string) =>
  useApiMutation((input: TierUpdate) => apiRequest<TierDto>("PATCH", `/api/v1/tiers/${enc(id)}`, input), {
    invalidate: [queryKeys.tiers()],
  });

export const useArchiveTier = (id: string) =>
  useApiMutation((_: void) => apiRequest<TierDto>("DELETE", `/api/v1/tiers/${enc(id)}`), {
    invalidate: [queryKeys.tiers()],
  });

export const useUpdateSettings = () =>
  useApiMutation((input: SettingsUpdate) => apiRequest<SettingsDto>("PATCH", "/api/v1/settings", input), {
    invalidate: [queryKeys.settings()],
  });

export const useCreateUser = () =>
  useApiMutation((input: UserInput) => apiRequest<UserDto>("POST", "/api/v1/users", input), {
    invalidate: [queryKeys.users()],
  });

export const useUpdateUser = (id: string) =>
  useApiMutation((input: UserUpdate) => apiRequest<UserDto>("PATCH", `/api/v1/users/${enc(id)}`, input), {
    invalidate: [queryKeys.users()],
  });

export const useCreateToken = () =>
  useApiMutation(
    (input: ApiTokenInput) => apiRequest<{ token: ApiTokenDto; secret: string }>("POST", "/api/v1/tokens", input),
    { invalidate: [queryKeys.tokens()] },
  );

export const useRevokeToken = (id: string) =>
  useApiMutation((_: void) => apiRequest<ApiTokenDto>("DELETE", `/api/v1/tokens/${enc(id)}`), {
    invalidate: [queryKeys.tokens()],
  });

export const useUpdateIntegrations = () =>
  useApiMutation((input: IntegrationsUpdate) => apiRequest<IntegrationsDto>("PATCH", "/api/v1/integrations", input), {
    invalidate: [queryKeys.settings()],
  });

export const useCreateDatasource = () =>
  useApiMutation((input: DatasourceInput) => apiRequest<DatasourceDto>("POST", "/api/v1/datasources", input));

export const useUpdateSignInSettings = () =>
  useApiMutation((input: import("@/lib/schemas/sign-in-settings").SignInSettingsUpdate) =>
    apiRequest<import("@/lib/dto/sign-in").SignInSettingsDto>("PATCH", "/api/v1/settings/sign-in", input), {
    invalidate: [queryKeys.settings()],
  });
