import "server-only";
import { cache } from "react";
import { effectiveSlo } from "@/lib/domain/incident-lifecycle";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import type { TierFilter } from "@/lib/schemas/common";
import { impactsParams, impactsSql } from "./availability-sql";
import { pool, type Tx } from "./db";
import type { ImpactRow } from "./impact-rows";

export type ServiceSlo = {
  id: string;
  slug: string;
  name: string;
  tier: { rank: number; name: string };
  target: number;
  sloWindow: string;
  maintenance: "count" | "exclude";
  /** Epoch ms from which its incident record counts (docs/domain.md "Measured since"). */
  measuredSince: number;
};

type Rule = "count" | "exclude";
type SloRow = [id: string, slug: string, name: string, tierRank: number, tierName: string, ownTarget: number | null, tierTarget: number, ownWindow: string | null, tierWindow: string, ownRule: Rule | null, tierRule: Rule, measuredSince: Date];

/** One service's effective SLO (undefined: no such slug); once per page render, as above. */
export const loadServiceSlo = cache(async (slug: string): Promise<ServiceSlo | undefined> => (await loadServiceSlos({ slug }))[0]);

/** Services with their effective SLO (effectiveSlo: own override, else the tier's), in one query. */
export async function loadServiceSlos(filter: { slug?: string; slugs?: string[]; tier?: TierFilter }): Promise<ServiceSlo[]> {
  const where: string[] = [];
  const params: unknown[] = [SERVICE_SLO_NAME];
  // Services named by slug are read whether archived or not: past incidents still name them.
  if (filter.slug !== undefined) {
    params.push(filter.slug);
    where.push(`s.slug = $${params.length}`);
  } else if (filter.slugs !== undefined) {
    params.push(filter.slugs);
    where.push(`s.slug = ANY($${params.length}::text[])`);
  } else {
    where.push(`s."archivedAt" IS NULL`);
  }
  if (filter.tier !== undefined) {
    params.push("rank" in filter.tier ? filter.tier.rank : filter.tier.id);
    where.push("rank" in filter.tier ? `t.rank = $${params.length}` : `t.id = $${params.length}`);
  }
  const { rows } = await pool().query<SloRow>({
    text: `SELECT s.id, s.slug, s.name, t.rank AS tier_rank, t.name AS tier_name,
            o.target, t."sloTarget", o."window", t."sloWindow",
            o."maintenanceRule"::text, t."maintenanceRule"::text, s."measuredSince"
       FROM "Service" s JOIN "Tier" t ON t.id = s."tierId" JOIN "Slo" o ON o."serviceId" = s.id AND o.name = $1
      WHERE ${where.join(" AND ")}
      ORDER BY t.rank, s.name`,
    values: params,
    rowMode: "array",
  });
  // A thousand services share four tiers: one object each.
  const tiers = new Map<number, ServiceSlo["tier"]>();
  return rows.map(([id, slug, name, rank, tierName, ownTarget, tierTarget, ownWindow, tierWindow, ownRule, tierRule, measuredSince]) => {
    let tier = tiers.get(rank);
    if (!tier) tiers.set(rank, (tier = { rank, name: tierName }));
    const slo = effectiveSlo({ sloTarget: ownTarget, sloWindow: ownWindow, maintenance: ownRule }, { sloTarget: tierTarget, sloWindow: tierWindow, maintenance: tierRule });
    return { id, slug, name, tier, target: slo.sloTarget, sloWindow: slo.sloWindow, maintenance: slo.maintenance, measuredSince: measuredSince.getTime() };
  });
}

/**
 * Impacts overlapping [from, to) of the given services, or with `undefined` of every service
 * (archived ones included: callers look up the services they show), in ONE query whatever their
 * number. `withIncident`, the rows also carry their incident's milestones, number and title (a
 * trigger keeps these copies equal to the incident's), so a summary needs no second read.
 */
export async function loadImpactRows(serviceIds: string[] | undefined, from: number, to: number, withIncident: boolean): Promise<ImpactRow[]> {
  if (serviceIds?.length === 0 || !(to > from)) return [];
  const { rows } = await pool().query<ImpactRow>({
    text: impactsSql(serviceIds !== undefined, withIncident),
    values: impactsParams(from, to, serviceIds),
    rowMode: "array",
  });
  return rows;
}

/**
 * The organisation's zone read by a transaction, on its own connection: asking the pool from
 * inside a transaction holds one connection while waiting for another, and ten concurrent writes
 * then wait on each other until the pool's connect timeout.
 */
export async function organisationTimeZoneIn(tx: Tx): Promise<string> {
  const row = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return row?.timeZone ?? "UTC";
}

/** The zone calendar windows are cut in; once per page render (the sections all ask). */
export const organisationTimeZone = cache(async (): Promise<string> => {
  const { rows } = await pool().query<{ timeZone: string }>(`SELECT "timeZone" FROM "OrganizationSettings" WHERE id = 1`);
  return rows[0]?.timeZone ?? "UTC";
});
