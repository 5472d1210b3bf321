// The availability reads, kept apart from server-only code so the benchmark times exactly these
// queries as its data floor.

// Epoch milliseconds as float8 from the start: extract(epoch) computes in numeric, which cost
// PostgreSQL a quarter of the whole read. Columns are TIMESTAMP(3), so round() is exact.
const ms = (col: string) => `round(date_part('epoch', ${col}) * 1000)`;
const utc = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Impacts overlapping [$1, $2), one table, no join: Impact carries its incident's kind and start
 * (attribution) and, `withIncident`, its detected / acknowledged / resolved instants (MTTx) and
 * its number and title (the attribution list) — all a summary needs, in the one read.
 * With `$3` a list of service ids it reads Impact(serviceId, effectiveEnd); without, it reads
 * Impact(effectiveEnd) for every service at once. Instants come back as epoch ms: timestamps are
 * stored as UTC, and numbers avoid building a Date per column per row.
 */
export function impactsSql(byService: boolean, withIncident: boolean): string {
  const more = withIncident
    ? `, ${ms('i."incidentDetectedAt"')} AS detected, ${ms('i."incidentAcknowledgedAt"')} AS acknowledged, ${ms('i."incidentResolvedAt"')} AS resolved,
         i."incidentNumber" AS number, i."incidentTitle" AS title`
    : "";
  return `
  SELECT i."serviceId" AS service_id, i."incidentId" AS incident_id, i.fraction, i.kind::text AS kind,
         ${ms('i."effectiveStart"')} AS start_ms, ${ms('i."effectiveEnd"')} AS end_ms,
         ${ms('i."incidentStartedAt"')} AS inc_start${more}
    FROM "Impact" i
   WHERE i."effectiveStart" < ${utc("$2")}
     AND (i."effectiveEnd" > ${utc("$1")} OR i."effectiveEnd" IS NULL)
     ${byService ? `AND i."serviceId" = ANY($3::text[])` : ""}`;
}

export function impactsParams(from: number, to: number, serviceIds?: string[]): unknown[] {
  const range = [new Date(from).toISOString(), new Date(to).toISOString()];
  return serviceIds ? [...range, serviceIds] : range;
}

/**
 * A service's impacts overlapping [$2, $3) with their incident's severity: the incident lane. All
 * of them, as the series over the same range reads them: which ones the lane draws, when there
 * are too many, is the engine's attribution (lib/domain/incident-lane.ts), not an ORDER BY.
 */
export function laneSql(): string {
  return `
  SELECT i."incidentId" AS incident_id, i."incidentNumber" AS number, i."incidentTitle" AS title, n.severity::text AS severity, i.kind::text AS kind,
         ${ms('i."effectiveStart"')} AS start_ms, ${ms('i."effectiveEnd"')} AS end_ms, i.fraction, ${ms('i."incidentStartedAt"')} AS inc_start_ms
    FROM "Impact" i JOIN "Incident" n ON n.id = i."incidentId"
   WHERE i."serviceId" = $1
     AND i."effectiveStart" < ${utc("$3")}
     AND (i."effectiveEnd" > ${utc("$2")} OR i."effectiveEnd" IS NULL)`;
}

/**
 * Rollups (docs/decisions/0029-impact-rollups.md): what each plan's buckets sum to, per service.
 * Days: one range scan over [$1, $2), each day placed by width_bucket in `$3` (the sorted edges of
 * the plans' day ranges; the caller maps a bucket number to its plan, or to none). Hours: `$4, $5,
 * $6` the plans' hour ranges and the plan of each, a range scan apiece (there are few; a day
 * table's scan per range was a nested loop over every day of every service). Instants as ISO text:
 * a timestamp without zone ignores the Z, and the columns hold UTC. `byService`: `$7` lists the
 * services. Rows: service, 'd' or 'h', bucket or plan number, and the three sums.
 */
export function rollupSumsSql(byService: boolean): string {
  // By service: a range scan of each service's own rows (the primary key), whatever the planner
  // estimates; a filter on the start index read every service's days and kept a few.
  const days = byService
    ? `unnest($7::text[]) AS s(id) JOIN "ImpactDay" b ON b."serviceId" = s.id AND b.start >= $1::timestamp AND b.start < $2::timestamp`
    : `"ImpactDay" b WHERE b.start >= $1::timestamp AND b.start < $2::timestamp`;
  const hours = byService
    ? `unnest($4::timestamp[], $5::timestamp[], $6::int[]) AS r(a, b, k) CROSS JOIN unnest($7::text[]) AS s(id) JOIN "ImpactHour" b ON b."serviceId" = s.id AND b.start >= r.a AND b.start < r.b`
    : `unnest($4::timestamp[], $5::timestamp[], $6::int[]) AS r(a, b, k) JOIN "ImpactHour" b ON b.start >= r.a AND b.start < r.b`;
  return `
  SELECT b."serviceId", 'd', width_bucket(b.start, $3::timestamp[]), sum(b."downMs"), sum(b."unplannedMs"), sum(b."maintenanceMs")
    FROM ${days}
   GROUP BY 1, 3
  UNION ALL
  SELECT b."serviceId", 'h', r.k, sum(b."downMs"), sum(b."unplannedMs"), sum(b."maintenanceMs")
    FROM ${hours}
   GROUP BY 1, 3`;
}

/**
 * Every service's impacts overlapping a window's raw parts (each shorter than an hour): `$1`, `$2`
 * the ranges, found by the Impact_interval_idx GiST index. Columns as impactsSql without the
 * incident's copies; an impact overlapping two ranges comes once.
 */
export function rollupEdgesSql(): string {
  return `
  SELECT DISTINCT i."serviceId" AS service_id, i."incidentId" AS incident_id, i.fraction, i.kind::text AS kind,
         ${ms('i."effectiveStart"')} AS start_ms, ${ms('i."effectiveEnd"')} AS end_ms,
         ${ms('i."incidentStartedAt"')} AS inc_start
    FROM unnest($1::timestamp[], $2::timestamp[]) AS r(a, b)
    JOIN "Impact" i ON tsrange(i."effectiveStart", i."effectiveEnd", '[)') && tsrange(r.a, r.b, '[)')`;
}

/** Services whose rollups cannot be trusted before $1: a change not rolled up yet, or an ongoing impact. */
export function rollupBlockedSql(byService: boolean): string {
  const only = byService ? `AND "serviceId" = ANY($2::text[])` : "";
  return `
  SELECT "serviceId" FROM "ImpactRollupMark" WHERE true ${only}
  UNION
  SELECT "serviceId" FROM "Impact" WHERE "effectiveEnd" IS NULL AND "effectiveStart" < ${utc("$1")} ${only}`;
}
