"use client";

import type { ProbeDto } from "@/lib/dto/probes";
import type { ProbeInput, ProbeUpdate } from "@/lib/schemas/probe";
import { apiRequest } from "./api";
import { useApiMutation } from "./use-api-mutation";

const enc = encodeURIComponent;

export const useCreateProbe = (slug: string) => useApiMutation((input: ProbeInput) => apiRequest<ProbeDto>("POST", `/api/v1/services/${enc(slug)}/probes`, input));
export const useUpdateProbe = (id: string) => useApiMutation((input: ProbeUpdate) => apiRequest<ProbeDto>("PATCH", `/api/v1/probes/${enc(id)}`, input));
export const useDeleteProbe = (id: string) => useApiMutation((_: void) => apiRequest<{ deleted: true }>("DELETE", `/api/v1/probes/${enc(id)}`));
