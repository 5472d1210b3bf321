"use client";

import type { ReportDto, ReportUnpublishedDto } from "@/lib/dto/reports";
import { apiRequest } from "./api";
import { useApiMutation } from "./use-api-mutation";

// The report page is server-rendered: each write refreshes it. `scope` is the page's query
// ("tier=1", "service=checkout" or ""), sent as it is.
const path = (period: string, scope: string, verb: string) => `/api/v1/reports/${encodeURIComponent(period)}/${verb}${scope ? `?${scope}` : ""}`;

export const usePublishReport = (period: string, scope: string) => useApiMutation((_: void) => apiRequest<ReportDto>("POST", path(period, scope, "publish")));
export const useUnpublishReport = (period: string, scope: string) => useApiMutation((_: void) => apiRequest<ReportUnpublishedDto>("POST", path(period, scope, "unpublish")));
