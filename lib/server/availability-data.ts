import "server-only";
import type { TierFilter } from "@/lib/schemas/common";
import type { Impact, IncidentTimes } from "@/lib/domain";
import { impactsParams, impactsSql, incidentLabelsSql } from "./availability-sql";
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

/** Impacts by service id; with milestones, every incident they name, by id, for MTTx. */
export type LoadedImpacts = { byService: Map<string, ServiceImpacts>; incidents: Map<string, IncidentTimes> };

// Rows come back as arrays (rowMode "array"): tens of thousands per request, and no object with
// named keys per row keeps the garbage collector out of the way. Column order as in the SQL.
type ImpactRow = [
  serviceId: string,
  incidentId: string,
  fraction: number,
  kind: "unplanned" | "maintenance",
  startMs: number,
  endMs: number | null,
  incidentStartMs: number,
  detected?: number | null,
  acknowledged?: number | null,
  resolved?: number | null,
];

/**
 * Impacts overlapping [from, to) of the given services, or with `undefined` of every service
 * (archived ones included: callers look up the services they show), by service id, in ONE query
 * whatever their number. A service without impacts has no entry. With `milestones`, the rows also
 * carry their incident's milestones (a trigger keeps the copies equal to the incident's), so MTTx
 * needs no second read; an incident hitting several services is one shared object.
 */
export async function loadImpacts(serviceIds: string[] | undefined, from: number, to: number, milestones: boolean): Promise<LoadedImpacts> {
  const byService = new Map<string, ServiceImpacts>();
  const incidents = new Map<string, IncidentTimes>();
  if (serviceIds?.length === 0 || !(to > from)) return { byService, incidents };
  const { rows } = await pool().query<ImpactRow>({
    text: impactsSql(serviceIds !== undefined, milestones),
    values: impactsParams(from, to, serviceIds),
    rowMode: "array",
  });
  for (const [serviceId, incidentId, fraction, kind, start, end, incidentStartedAt, detectedAt, acknowledgedAt, resolvedAt] of rows) {
    const impact: Impact = { incidentId, kind, fraction, start, end, incidentStartedAt };
    const entry = byService.get(serviceId);
    if (entry) entry.impacts.push(impact);
    else byService.set(serviceId, { impacts: [impact] });
    if (milestones && !incidents.has(incidentId)) {
      incidents.set(incidentId, {
        incidentId,
        kind,
        startedAt: incidentStartedAt,
        detectedAt: detectedAt ?? null,
        acknowledgedAt: acknowledgedAt ?? null,
        resolvedAt: resolvedAt ?? null,
      });
    }
  }
  return { byService, incidents };
}

export type IncidentLabel = { number: number; title: string };

/** Reference numbers and titles of the incidents a response lists (a few per service), by id. */
export async function loadIncidentLabels(ids: string[]): Promise<Map<string, IncidentLabel>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool().query<[id: string, number: number, title: string]>({ text: incidentLabelsSql, values: [ids], rowMode: "array" });
  return new Map(rows.map(([id, number, title]) => [id, { number, title }]));
}

export async function organisationTimeZone(): Promise<string> {
  const { rows } = await pool().query<{ timeZone: string }>(`SELECT "timeZone" FROM "OrganizationSettings" WHERE id = 1`);
  return rows[0]?.timeZone ?? "UTC";
}
