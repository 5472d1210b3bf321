"use client";

import type { FreezeDto, GateExceptionDto, ServicePolicyDto, TierPolicyDto } from "@/lib/dto/budget-policy";
import type { BudgetPolicyInput, BudgetPolicyOverrideInput, FreezeLiftInput, GateExceptionInput } from "@/lib/schemas/budget-policy";
import { apiRequest } from "./api";
import { useApiMutation } from "./use-api-mutation";

// The error-budget policy's writes (docs/decisions/0031-error-budget-policy.md); the pages that
// show their results are server-rendered, so each refreshes the route.
const enc = encodeURIComponent;

export const useLiftFreeze = (id: string) =>
  useApiMutation((input: FreezeLiftInput) => apiRequest<FreezeDto>("POST", `/api/v1/freezes/${enc(id)}/lift`, input));

export const useCreateGateException = (slug: string) =>
  useApiMutation((input: GateExceptionInput) => apiRequest<GateExceptionDto>("POST", `/api/v1/services/${enc(slug)}/gate/exceptions`, input));

export const useSetTierPolicy = (id: string) =>
  useApiMutation((input: BudgetPolicyInput | null) =>
    input ? apiRequest<TierPolicyDto>("PUT", `/api/v1/tiers/${enc(id)}/budget-policy`, input) : apiRequest<TierPolicyDto>("DELETE", `/api/v1/tiers/${enc(id)}/budget-policy`),
  );

/** Sets (a value) or clears (null) some of a service's overrides; the fields left out keep theirs. */
export const useSetServiceOverrides = (slug: string) =>
  useApiMutation((input: BudgetPolicyOverrideInput) => apiRequest<ServicePolicyDto>("PATCH", `/api/v1/services/${enc(slug)}/budget-policy`, input));
