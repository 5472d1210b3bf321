"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "./api";
import { queryKeys } from "./keys";
import type { AuditEventDto } from "./types";

export type AuditPage = { events: AuditEventDto[]; nextCursor: string | null; total: number };

/**
 * The audit trail, newest first, one page per cursor. The first page comes from the server
 * render (initialData) so the list is there without a round trip; "Load more" appends.
 */
export function useAuditFeed(entityType: string | undefined, firstPage: AuditPage, firstCursor: string | null) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.audit(entityType), firstCursor ?? "newest"],
    initialPageParam: firstCursor,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (entityType) params.set("entityType", entityType);
      if (pageParam) params.set("cursor", pageParam);
      return apiRequest<AuditPage>("GET", `/api/v1/audit?${params.toString()}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [firstCursor] },
    // The server-rendered first page is fresh; do not refetch it on mount.
    staleTime: 60_000,
  });
}
