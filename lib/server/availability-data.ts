import "server-only";
import type { Impact, IncidentTimes } from "@/lib/domain";
import { impactsParams, impactsSql, milestonesSql } from "./availability-sql";
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
export async function loadServiceSlos(filter: { slug?: string; tier?: string }): Promise<ServiceSlo[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.slug !== undefined) {
    params.push(filter.slug);
    where.push(`s.slug = $${params.length}`);
  } else {
    where.push(`s."archivedAt" IS NULL`);
  }
  if (filter.tier !== undefined) {
    params.push(/^\d+$/.test(filter.tier) ? Number(filter.tier) : filter.tier);
    where.push(/^\d+$/.test(filter.tier) ? `t.rank = $${params.length}` : `t.id = $${params.length}`);
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

type ImpactRow = {
  service_id: string; incident_id: string; fraction: number; kind: "unplanned" | "maintenance";
  start_ms: number; end_ms: number | null; inc_start: number;
};

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
  const { rows } = await pool().query<ImpactRow>(impactsSql(byService), impactsParams(from, to, byService ? serviceIds : undefined));
  for (const r of rows) {
    out.get(r.service_id)?.impacts.push({
      incidentId: r.incident_id,
      kind: r.kind,
      fraction: r.fraction,
      start: r.start_ms,
      end: r.end_ms,
      incidentStartedAt: r.inc_start,
    });
  }
  return out;
}

type MilestoneRow = { id: string; started: number; detected: number | null; acknowledged: number | null; resolved: number | null };

/** Milestones of unplanned incidents that started in [from, to), by incident id. */
export async function loadMilestones(from: number, to: number, incidentIds?: string[]): Promise<Map<string, IncidentTimes>> {
  if (incidentIds?.length === 0) return new Map();
  const { rows } = await pool().query<MilestoneRow>(milestonesSql(incidentIds !== undefined), impactsParams(from, to, incidentIds));
  return new Map(
    rows.map((r) => [
      r.id,
      { incidentId: r.id, kind: "unplanned", startedAt: r.started, detectedAt: r.detected, acknowledgedAt: r.acknowledged, resolvedAt: r.resolved },
    ]),
  );
}

export type IncidentLabel = { id: string; number: number; title: string; kind: string; severity: string };

/** Titles for the incidents a response names (attribution lists), in one query. */
export async function loadIncidentLabels(ids: string[]): Promise<Map<string, IncidentLabel>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool().query<IncidentLabel>(
    `SELECT id, number, title, kind::text AS kind, severity::text AS severity FROM "Incident" WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function organisationTimeZone(): Promise<string> {
  const { rows } = await pool().query<{ timeZone: string }>(`SELECT "timeZone" FROM "OrganizationSettings" WHERE id = 1`);
  return rows[0]?.timeZone ?? "UTC";
}
