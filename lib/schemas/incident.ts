import { z } from "zod";
import { Instant, Name, PlainString, QueryInt, Slug, Text, TierFilter, Version } from "./common";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"] as const;
export const INCIDENT_KINDS = ["unplanned", "maintenance"] as const;
export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export const TIMELINE_TYPES = ["detected", "acknowledged", "update", "status_change", "mitigated", "resolved", "note"] as const;

/** The milestones in the order they must happen (SPEC section 1). */
export const MILESTONES = ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"] as const;
export type Milestone = (typeof MILESTONES)[number];

export const Severity = z.enum(SEVERITIES, { error: "Must be SEV1, SEV2, SEV3, SEV4 or SEV5" });
export const IncidentKind = z.enum(INCIDENT_KINDS, { error: "Must be unplanned or maintenance" });
export const IncidentStatus = z.enum(INCIDENT_STATUSES, { error: "Must be investigating, identified, monitoring or resolved" });

export const Fraction = z
  .number({ error: "Must be a number in (0, 1], e.g. 0.25 for a quarter of requests failing" })
  .gt(0, { error: "Must be above 0 (an impact of 0 is no impact)" })
  .max(1, { error: "Must be at most 1 (1 = full outage)" });

export const ImpactInput = z.strictObject({
  service: Slug,
  fraction: Fraction.default(1),
  startedAt: Instant.nullish(),
  endedAt: Instant.nullish(),
});
export type ImpactInput = z.infer<typeof ImpactInput>;

const Impacts = z
  .array(ImpactInput, { error: "Must be a list of impacts" })
  .min(1, { error: "Name at least one impacted service" })
  .max(500, { error: "At most 500 impacted services" });

const fields = {
  title: Name,
  severity: Severity,
  kind: IncidentKind.default("unplanned"),
  status: IncidentStatus.optional(),
  startedAt: Instant,
  detectedAt: Instant.nullish(),
  acknowledgedAt: Instant.nullish(),
  mitigatedAt: Instant.nullish(),
  resolvedAt: Instant.nullish(),
  summary: Text(10_000).optional(),
  rootCause: Text(10_000).optional(),
  postmortem: Text(200_000).optional(),
  source: PlainString().trim().min(1).max(60).nullish(),
  externalId: PlainString().trim().min(1).max(200).nullish(),
  impacts: Impacts,
};

export const IncidentInput = z.strictObject(fields);
export type IncidentInput = z.infer<typeof IncidentInput>;

/** PATCH: any subset of fields, plus the version that was read; impacts, when given, replace the set. */
export const IncidentUpdate = z.strictObject({
  ...fields,
  kind: IncidentKind.optional(),
  title: Name.optional(),
  severity: Severity.optional(),
  startedAt: Instant.optional(),
  impacts: Impacts.optional(),
  version: Version,
});
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

export const TimelineEventInput = z.strictObject({
  type: z.enum(TIMELINE_TYPES, { error: `Must be one of ${TIMELINE_TYPES.join(", ")}` }),
  message: PlainString("Required").trim().min(1, { error: "Required" }).max(10_000),
  at: Instant.optional(),
});
export type TimelineEventInput = z.infer<typeof TimelineEventInput>;

const CommaList = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    // One issue on the parameter itself: a query string has no ".0" element to point at.
    .refine((list): list is T[number][] => list.every((v) => (values as readonly string[]).includes(v)), {
      error: `Must be ${label}`,
    });

export const IncidentListQuery = z.strictObject({
  service: Slug.optional(),
  tier: TierFilter.optional(),
  severity: CommaList(SEVERITIES, "SEV1..SEV5, comma-separated").optional(),
  kind: IncidentKind.optional(),
  status: z.enum(["open", "resolved"], { error: "Must be open or resolved" }).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  cursor: z.string().max(200).optional(),
  limit: QueryInt(1, 200).optional(),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

/** The shape shared by create and (merged) update for cross-field checks. */
export type IncidentTimes = {
  startedAt: Date;
  detectedAt?: Date | null;
  acknowledgedAt?: Date | null;
  mitigatedAt?: Date | null;
  resolvedAt?: Date | null;
  status?: string | null;
  impacts?: { service: string; startedAt?: Date | null; endedAt?: Date | null }[];
};

/**
 * Cross-field rules: started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved (skipping absent
 * ones), each impact's own interval inside the incident's, one impact per service, and a
 * resolved status only with resolvedAt. Returns issues naming the offending field.
 */
export function incidentConsistencyIssues(inc: IncidentTimes): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  let latest: { name: Milestone; at: Date } | null = null;
  for (const name of MILESTONES) {
    const at = inc[name];
    if (!at) continue;
    if (latest && at < latest.at) issues.push({ path: name, message: `Must not be before ${latest.name} (${latest.at.toISOString()})` });
    else latest = { name, at };
  }
  if (inc.status === "resolved" && !inc.resolvedAt) issues.push({ path: "status", message: "A resolved incident needs resolvedAt" });
  const seen = new Set<string>();
  (inc.impacts ?? []).forEach((impact, i) => {
    if (seen.has(impact.service)) issues.push({ path: `impacts.${i}.service`, message: `'${impact.service}' is listed twice` });
    seen.add(impact.service);
    const start = impact.startedAt ?? inc.startedAt;
    if (impact.startedAt && impact.startedAt < inc.startedAt) {
      issues.push({ path: `impacts.${i}.startedAt`, message: "Must not be before the incident's startedAt" });
    }
    if (impact.startedAt && inc.resolvedAt && impact.startedAt > inc.resolvedAt) {
      issues.push({ path: `impacts.${i}.startedAt`, message: "Must not be after the incident's resolvedAt" });
    }
    if (impact.endedAt && impact.endedAt < start) {
      issues.push({ path: `impacts.${i}.endedAt`, message: "Must not be before the impact's start" });
    }
    if (impact.endedAt && inc.resolvedAt && impact.endedAt > inc.resolvedAt) {
      issues.push({ path: `impacts.${i}.endedAt`, message: "Must not be after the incident's resolvedAt" });
    }
  });
  return issues;
}
