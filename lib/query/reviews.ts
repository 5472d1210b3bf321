"use client";

import type { ReviewDto } from "@/lib/dto/reviews";
import type { ReviewUpdate } from "@/lib/schemas/review";
import { apiRequest } from "./api";
import { useApiMutation } from "./use-api-mutation";

// The review page is server-rendered: each write refreshes it.
const enc = encodeURIComponent;

export const useStartReview = () => useApiMutation((week: string) => apiRequest<ReviewDto>("POST", "/api/v1/reviews", { week }));
export const useUpdateReview = (week: string) => useApiMutation((input: ReviewUpdate) => apiRequest<ReviewDto>("PATCH", `/api/v1/reviews/${enc(week)}`, input));
export const useCloseReview = (week: string) => useApiMutation((version: number) => apiRequest<ReviewDto>("POST", `/api/v1/reviews/${enc(week)}/close`, { version }));
export const useReopenReview = (week: string) => useApiMutation((_: void) => apiRequest<ReviewDto>("POST", `/api/v1/reviews/${enc(week)}/reopen`));
