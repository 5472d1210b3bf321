"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { ServiceAvailabilityDto, IncidentLaneDto, ServiceSeriesDto } from "@/lib/dto/availability";
import type { SloSeriesDto } from "@/lib/dto/slos";
import type { ChangeLaneDto } from "@/lib/dto/changes";
import { apiRequest } from "./api";
import { TREND_COUNTS } from "./availability-counts";
import { queryKeys } from "./keys";

const enc = encodeURIComponent;

/** A service page's view, as its URL says it (the API's notation): a link reproduces the figures. */
export type AvailabilityView = { window: string | null; asOf: string | null; bucket: "day" | "week" | "month"; beside: string | null };

export function useAvailabilityView(): [AvailabilityView, (change: Partial<AvailabilityView>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const bucket = params.get("bucket");
  const view: AvailabilityView = {
    window: params.get("window"),
    asOf: params.get("asOf"),
    bucket: bucket === "day" || bucket === "month" ? bucket : "week",
    beside: params.get("beside"),
  };
  const set = useCallback(
    (change: Partial<AvailabilityView>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(change)) {
        if (value === null || value === undefined || (key === "bucket" && value === "week")) next.delete(key);
        else next.set(key, value);
      }
      const qs = next.toString();
      // The native history API: Next's router follows it without asking the server for the page.
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [params, pathname],
  );
  return [view, set];
}

const query = (pairs: Record<string, string | null | undefined>) =>
  new URLSearchParams(Object.entries(pairs).filter((e): e is [string, string] => typeof e[1] === "string")).toString();

/** The service's figures in a window, seeded with the server's render when the view matches it. */
export function useServiceSummary(slug: string, view: AvailabilityView, initial: { view: AvailabilityView; data: ServiceAvailabilityDto }) {
  const seeded = initial.view.window === view.window && initial.view.asOf === view.asOf;
  return useQuery({
    queryKey: queryKeys.serviceSummary(slug, view.window, view.asOf),
    queryFn: () => apiRequest<ServiceAvailabilityDto>("GET", `/api/v1/services/${enc(slug)}/availability?${query({ window: view.window, asOf: view.asOf })}`),
    initialData: seeded ? initial.data : undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export { TREND_COUNTS } from "./availability-counts";

export type ServiceTrend = { series: ServiceSeriesDto; lane: IncidentLaneDto; marks: ChangeLaneDto };

/** The trend's buckets and the incidents of the same range (one query, two reads side by side). */
export function useServiceTrend(slug: string, view: AvailabilityView, initial: { view: AvailabilityView } & ServiceTrend) {
  const seeded = initial.view.bucket === view.bucket && initial.view.asOf === view.asOf;
  return useQuery({
    queryKey: queryKeys.serviceTrend(slug, view.bucket, view.asOf),
    queryFn: async (): Promise<ServiceTrend> => {
      const q = query({ bucket: view.bucket, count: String(TREND_COUNTS[view.bucket]), asOf: view.asOf });
      const [series, lane, marks] = await Promise.all([
        apiRequest<ServiceSeriesDto>("GET", `/api/v1/services/${enc(slug)}/availability/series?${q}`),
        apiRequest<IncidentLaneDto>("GET", `/api/v1/services/${enc(slug)}/availability/incidents?${q}`),
        apiRequest<ChangeLaneDto>("GET", `/api/v1/services/${enc(slug)}/availability/changes?${q}`),
      ]);
      return { series, lane, marks };
    },
    initialData: seeded ? { series: initial.series, lane: initial.lane, marks: initial.marks } : undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/**
 * A measured SLO's series in the trend's buckets (the same bucket, count and instant, so the
 * labels match the incident record's); nothing while no SLO is chosen.
 */
export function useSloTrend(id: string | null, bucket: AvailabilityView["bucket"], asOf: string) {
  return useQuery({
    queryKey: queryKeys.sloTrend(id ?? "", bucket, asOf),
    queryFn: () => apiRequest<SloSeriesDto>("GET", `/api/v1/slos/${enc(id ?? "")}/series?${query({ bucket, count: String(TREND_COUNTS[bucket]), asOf })}`),
    enabled: id !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
