import "server-only";
import type { TierFilter } from "@/lib/schemas/common";
import type { Impact, IncidentTimes } from "@/lib/domain";
import { impactsParams, impactsSql, incidentsSql } from "./availability-sql";
import { pool } from "./db";

export type ServiceSlo = {
  id: string;
  slug: string;
  name: string;
  tier: { rank: number; name: string };
  target: number;
  sloWindow: string;
  maintenance: "count" | "exclude";
};

type SloRow = [id: string, slug: string, name: string, tierRank: number, tierName: string, target: number, sloWindow: string, maintenance: "count" | "exclude"];

/** Services with their effective SLO (own override, else the tier's), in one query. */
export async function loadServiceSlos(filter: { slug?: string; tier?: TierFilter }): Promise<ServiceSlo[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.slug !== undefined) {
    params.push(filter.slug);
    where.push(`s.slug = $${params.length}`);
  } else {
    where.push(`s."archivedAt" IS NULL`);
  }
  if (filter.tier !== undefined) {
    params.push("rank" in filter.tier ? filter.tier.rank : filter.tier.id);
    where.push("rank" in filter.tier ? `t.rank = $${params.length}` : `t.id = $${params.length}`);
  }
  const { rows } = await pool().query<SloRow>({
    text: `SELECT s.id, s.slug, s.name, t.rank AS tier_rank, t.name AS tier_name,
            COALESCE(s."sloTarget", t."sloTarget") AS target,
            COALESCE(s."sloWindow", t."sloWindow") AS slo_window,
            COALESCE(s."maintenanceRule", t."maintenanceRule")::text AS maintenance
       FROM "Service" s JOIN "Tier" t ON t.id = s."tierId"
      WHERE ${where.join(" AND ")}
      ORDER BY t.rank, s.name`,
    values: params,
    rowMode: "array",
  });
  // A thousand services share four tiers: one object each.
  const tiers = new Map<number, ServiceSlo["tier"]>();
  return rows.map(([id, slug, name, rank, tierName, target, sloWindow, maintenance]) => {
    let tier = tiers.get(rank);
    if (!tier) tiers.set(rank, (tier = { rank, name: tierName }));
    return { id, slug, name, tier, target, sloWindow, maintenance };
  });
}

export type ServiceImpacts = { impacts: Impact[] };

// Rows come back as arrays (rowMode "array"): tens of thousands per request, and no object with
// named keys per row keeps the garbage collector out of the way. Column order as in the SQL.
type ImpactRow = [serviceId: string, incidentId: string, fraction: number, kind: "unplanned" | "maintenance", startMs: number, endMs: number | null, incidentStartMs: number];

/**
 * Impacts overlapping [from, to) of the given services, or with `undefined` of every service
 * (archived ones included: callers look up the services they show), by service id, in ONE query
 * whatever their number. A service without impacts has no entry.
 */
export async function loadImpacts(serviceIds: string[] | undefined, from: number, to: number): Promise<Map<string, ServiceImpacts>> {
  const out = new Map<string, ServiceImpacts>();
  if (serviceIds?.length === 0 || !(to > from)) return out;
  const { rows } = await pool().query<ImpactRow>({
    text: impactsSql(serviceIds !== undefined),
    values: impactsParams(from, to, serviceIds),
    rowMode: "array",
  });
  for (const [serviceId, incidentId, fraction, kind, start, end, incidentStartedAt] of rows) {
    const impact: Impact = { incidentId, kind, fraction, start, end, incidentStartedAt };
    const entry = out.get(serviceId);
    if (entry) entry.impacts.push(impact);
    else out.set(serviceId, { impacts: [impact] });
  }
  return out;
}

type IncidentRow = [id: string, number: number, title: string, detected: number | null, acknowledged: number | null, resolved: number | null];

export type IncidentInfo = {
  number: number;
  title: string;
  detectedAt: number | null;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  /** Built on first use by incidentTimes(), then shared by every service the incident hit. */
  times: IncidentTimes | undefined;
};

/** The incident's milestones for MTTx: kind and start from its impact row, the rest from the incident. */
export function incidentTimes(info: IncidentInfo, impact: Impact): IncidentTimes {
  info.times ??= {
    incidentId: impact.incidentId,
    kind: impact.kind,
    startedAt: impact.incidentStartedAt,
    detectedAt: info.detectedAt,
    acknowledgedAt: info.acknowledgedAt,
    resolvedAt: info.resolvedAt,
  };
  return info.times;
}

/** Incidents overlapping [from, to) (or only `incidentIds`), by id, in one query. */
export async function loadIncidents(from: number, to: number, incidentIds?: string[]): Promise<Map<string, IncidentInfo>> {
  if (incidentIds?.length === 0) return new Map();
  const { rows } = await pool().query<IncidentRow>({
    text: incidentsSql(incidentIds !== undefined),
    values: impactsParams(from, to, incidentIds),
    rowMode: "array",
  });
  const out = new Map<string, IncidentInfo>();
  for (const [id, number, title, detectedAt, acknowledgedAt, resolvedAt] of rows) {
    // `times` present from the start: added later, it would give these objects two shapes.
    out.set(id, { number, title, detectedAt, acknowledgedAt, resolvedAt, times: undefined });
  }
  return out;
}

export async function organisationTimeZone(): Promise<string> {
  const { rows } = await pool().query<{ timeZone: string }>(`SELECT "timeZone" FROM "OrganizationSettings" WHERE id = 1`);
  return rows[0]?.timeZone ?? "UTC";
}
