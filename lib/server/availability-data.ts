import "server-only";
import type { TierFilter } from "@/lib/schemas/common";
import type { Impact, IncidentTimes } from "@/lib/domain";
import { impactsParams, impactsSql, incidentsSql } from "./availability-sql";
import { pool } from "./db";

export type ServiceSlo = {
  id: string;
  slug: string;
  name: string;
  tier: { id: string; rank: number; name: string };
  target: number;
  sloWindow: string;
  maintenance: "count" | "exclude";
};

type SloRow = {
  id: string; slug: string; name: string; tier_id: string; tier_rank: number; tier_name: string;
  target: number; slo_window: string; maintenance: "count" | "exclude";
};

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
  const { rows } = await pool().query<SloRow>(
    `SELECT s.id, s.slug, s.name, t.id AS tier_id, t.rank AS tier_rank, t.name AS tier_name,
            COALESCE(s."sloTarget", t."sloTarget") AS target,
            COALESCE(s."sloWindow", t."sloWindow") AS slo_window,
            COALESCE(s."maintenanceRule", t."maintenanceRule")::text AS maintenance
       FROM "Service" s JOIN "Tier" t ON t.id = s."tierId"
      WHERE ${where.join(" AND ")}
      ORDER BY t.rank, s.name`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    tier: { id: r.tier_id, rank: r.tier_rank, name: r.tier_name },
    target: r.target,
    sloWindow: r.slo_window,
    maintenance: r.maintenance,
  }));
}

export type ServiceImpacts = { impacts: Impact[] };

// Rows come back as arrays (rowMode "array"): tens of thousands per request, and no object with
// named keys per row keeps the garbage collector out of the way. Column order as in the SQL.
type ImpactRow = [serviceId: string, incidentId: string, fraction: number, kind: "unplanned" | "maintenance", startMs: number, endMs: number | null, incidentStartMs: number];

/**
 * Impacts overlapping [from, to) of the given services (or of every service), in ONE query
 * whatever their number. Impacts of services not asked for (e.g. archived) are dropped.
 */
export async function loadImpacts(
  serviceIds: string[],
  from: number,
  to: number,
  opts: { allServices?: boolean } = {},
): Promise<Map<string, ServiceImpacts>> {
  const out = new Map<string, ServiceImpacts>(serviceIds.map((id) => [id, { impacts: [] }]));
  if (serviceIds.length === 0 || !(to > from)) return out;
  const byService = !opts.allServices;
  const { rows } = await pool().query<ImpactRow>({
    text: impactsSql(byService),
    values: impactsParams(from, to, byService ? serviceIds : undefined),
    rowMode: "array",
  });
  for (const [serviceId, incidentId, fraction, kind, start, end, incidentStartedAt] of rows) {
    out.get(serviceId)?.impacts.push({ incidentId, kind, fraction, start, end, incidentStartedAt });
  }
  return out;
}

type IncidentRow = [id: string, number: number, title: string, kind: "unplanned" | "maintenance", started: number, detected: number | null, acknowledged: number | null, resolved: number | null];

export type IncidentInfo = { times: IncidentTimes; number: number; title: string };

/** Incidents overlapping [from, to) (or only `incidentIds`), by id, in one query. */
export async function loadIncidents(from: number, to: number, incidentIds?: string[]): Promise<Map<string, IncidentInfo>> {
  if (incidentIds?.length === 0) return new Map();
  const { rows } = await pool().query<IncidentRow>({
    text: incidentsSql(incidentIds !== undefined),
    values: impactsParams(from, to, incidentIds),
    rowMode: "array",
  });
  const out = new Map<string, IncidentInfo>();
  for (const [id, number, title, kind, startedAt, detectedAt, acknowledgedAt, resolvedAt] of rows) {
    out.set(id, { number, title, times: { incidentId: id, kind, startedAt, detectedAt, acknowledgedAt, resolvedAt } });
  }
  return out;
}

export async function organisationTimeZone(): Promise<string> {
  const { rows } = await pool().query<{ timeZone: string }>(`SELECT "timeZone" FROM "OrganizationSettings" WHERE id = 1`);
  return rows[0]?.timeZone ?? "UTC";
}
