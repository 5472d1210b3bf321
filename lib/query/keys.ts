// Query key factory: one place that decides how cached API reads are named, so invalidation
// after a mutation hits exactly the right entries.
export const queryKeys = {
  all: ["nines"] as const,
  audit: (entityType: string | undefined) => [...queryKeys.all, "audit", entityType ?? "all"] as const,
  services: () => [...queryKeys.all, "services"] as const,
  tiers: () => [...queryKeys.all, "tiers"] as const,
  users: () => [...queryKeys.all, "users"] as const,
  tokens: () => [...queryKeys.all, "tokens"] as const,
  settings: () => [...queryKeys.all, "settings"] as const,
  incident: (ref: string) => [...queryKeys.all, "incident", ref] as const,
  actionItems: () => [...queryKeys.all, "action-items"] as const,
  serviceSummary: (slug: string, window: string | null, asOf: string | null) => [...queryKeys.all, "availability", slug, window ?? "slo", asOf ?? "now"] as const,
  serviceTrend: (slug: string, bucket: string, asOf: string | null) => [...queryKeys.all, "trend", slug, bucket, asOf ?? "now"] as const,
  sloTrend: (id: string, bucket: string, asOf: string) => [...queryKeys.all, "slo-trend", id, bucket, asOf] as const,
};
