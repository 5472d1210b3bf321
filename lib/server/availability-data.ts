import "server-only";
import type { Impact, IncidentTimes } from "@/lib/domain";
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

export type ServiceImpacts = { impacts: Impact[]; incidents: Map<string, IncidentTimes> };

type ImpactRow = {
  service_id: string; incident_id: string; fraction: number; kind: "unplanned" | "maintenance";
  start_ms: number; end_ms: number | null; inc_start: number; inc_detected: number | null;
  inc_ack: number | null; inc_resolved: number | null;
};

const ms = (col: string) => `(extract(epoch from ${col}) * 1000)::float8`;

/**
 * Every impact of the given services overlapping [from, to), with its incident's milestones, in
 * ONE query whatever the number of services (index: Impact(serviceId, effectiveEnd)). Instants
 * come back as epoch ms: timestamps are stored as UTC, and numbers avoid Date parsing per row.
 */
export async function loadImpacts(serviceIds: string[], from: number, to: number): Promise<Map<string, ServiceImpacts>> {
  const out = new Map<string, ServiceImpacts>(serviceIds.map((id) => [id, { impacts: [], incidents: new Map() }]));
  if (serviceIds.length === 0 || !(to > from)) return out;
  const { rows } = await pool().query<ImpactRow>(
    `SELECT i."serviceId" AS service_id, i."incidentId" AS incident_id, i.fraction, i.kind::text AS kind,
            ${ms('i."effectiveStart"')} AS start_ms, ${ms('i."effectiveEnd"')} AS end_ms,
            ${ms('n."startedAt"')} AS inc_start, ${ms('n."detectedAt"')} AS inc_detected,
            ${ms('n."acknowledgedAt"')} AS inc_ack, ${ms('n."resolvedAt"')} AS inc_resolved
       FROM "Impact" i JOIN "Incident" n ON n.id = i."incidentId"
      WHERE i."serviceId" = ANY($1::text[])
        AND i."effectiveStart" < ($3::timestamptz AT TIME ZONE 'UTC')
        AND (i."effectiveEnd" > ($2::timestamptz AT TIME ZONE 'UTC') OR i."effectiveEnd" IS NULL)`,
    [serviceIds, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  for (const r of rows) {
    const bucket = out.get(r.service_id);
    if (!bucket) continue;
    bucket.impacts.push({
      incidentId: r.incident_id,
      kind: r.kind,
      fraction: r.fraction,
      start: r.start_ms,
      end: r.end_ms,
      incidentStartedAt: r.inc_start,
    });
    bucket.incidents.set(r.incident_id, {
      incidentId: r.incident_id,
      kind: r.kind,
      startedAt: r.inc_start,
      detectedAt: r.inc_detected,
      acknowledgedAt: r.inc_ack,
      resolvedAt: r.inc_resolved,
    });
  }
  return out;
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
