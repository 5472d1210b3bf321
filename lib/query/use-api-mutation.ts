"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ApiError } from "./api";

/**
 * A mutation against the JSON API. On success it invalidates the given client caches and
 * refreshes the server components of the current route, because pages read data on the server:
 * router.refresh() is what makes the list or detail show the change.
 */
export function useApiMutation<TVars, TResult>(
  request: (vars: TVars) => Promise<TResult>,
  options: { invalidate?: QueryKey[]; refresh?: boolean } = {},
) {
  const router = useRouter();
  const client = useQueryClient();
  const { invalidate = [], refresh = true } = options;
  return useMutation<TResult, ApiError, TVars>({
    mutationFn: request,
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
      if (refresh) router.refresh();
    },
  });
}
