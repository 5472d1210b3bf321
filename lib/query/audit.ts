"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "./api";
import { queryKeys } from "./keys";
import type { AuditEventDto } from "./types";

export type AuditPage = { events: AuditEventDto[]; nextCursor: string | null; total: number };
/** The audit API's filters, as the page's URL carries them (empty: not filtered). */
export type AuditFilters = { entityType?: string; actor?: string; entity?: string };

/**
 * The audit trail, newest first, one page per cursor. The first page comes from the server
 * render (initialData) so the list is there without a round trip; "Load more" appends.
 */
export function useAuditFeed(filters: AuditFilters, firstPage: AuditPage, firstCursor: string | null) {
  const key = [filters.entityType ?? "", filters.actor ?? "", filters.entity ?? ""].join("|");
  return useInfiniteQuery({
    queryKey: [...queryKeys.audit(key || undefined), firstCursor ?? "newest"],
    initialPageParam: firstCursor,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
      if (pageParam) params.set("cursor", pageParam);
      return apiRequest<AuditPage>("GET", `/api/v1/audit?${params.toString()}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [firstCursor] },
    // The server-rendered first page is fresh; do not refetch it on mount.
    staleTime: 60_000,
  });
}
