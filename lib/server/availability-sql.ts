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
 * Rollups (docs/decisions/0029-impact-rollups.md): what the buckets of each plan sum to, per
 * service. `$1..$7`: each plan's key, its days' range and its two hour ranges (ISO instants; an
 * empty range has from = to). With `specific`, `$8` names the one service each plan is for; else
 * every service's buckets are summed (`$8` a list of service ids to keep them to, or NULL).
 */
export function rollupSumsSql(specific: boolean): string {
  const plans = specific
    ? `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS p(k, d0, d1, h0, h1, h2, h3, s)`
    : `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS p(k, d0, d1, h0, h1, h2, h3)`;
  const which = specific ? `b."serviceId" = p.s AND` : `($8::text[] IS NULL OR b."serviceId" = ANY($8::text[])) AND`;
  const part = (table: string, a: string, b: string) => `
  SELECT b."serviceId", p.k, sum(b."downMs"), sum(b."unplannedMs"), sum(b."maintenanceMs")
    FROM ${plans} JOIN "${table}" b ON ${which} b.start >= ${utc(`p.${a}`)} AND b.start < ${utc(`p.${b}`)}
   GROUP BY 1, 2`;
  return [part("ImpactDay", "d0", "d1"), part("ImpactHour", "h0", "h1"), part("ImpactHour", "h2", "h3")].join("\n  UNION ALL");
}

/**
 * The impacts overlapping a window's raw parts (shorter than an hour each): `$1`, `$2` ranges for
 * every service (by the Impact_interval_idx GiST index, `$6` a list of service ids or NULL), and
 * `$3..$5` ranges of one service each. Columns as impactsSql without the incident's copies.
 */
export function rollupEdgesSql(): string {
  return `
  SELECT i."serviceId" AS service_id, i."incidentId" AS incident_id, i.fraction, i.kind::text AS kind,
         ${ms('i."effectiveStart"')} AS start_ms, ${ms('i."effectiveEnd"')} AS end_ms,
         ${ms('i."incidentStartedAt"')} AS inc_start
    FROM "Impact" i
   WHERE i.id IN (
     SELECT j.id FROM unnest($1::text[], $2::text[]) AS r(a, b)
       JOIN "Impact" j ON tsrange(j."effectiveStart", j."effectiveEnd", '[)') && tsrange(${utc("r.a")}, ${utc("r.b")}, '[)')
     UNION
     SELECT j.id FROM unnest($3::text[], $4::text[], $5::text[]) AS r(s, a, b)
       JOIN "Impact" j ON j."serviceId" = r.s AND j."effectiveStart" < ${utc("r.b")} AND (j."effectiveEnd" > ${utc("r.a")} OR j."effectiveEnd" IS NULL))
     AND ($6::text[] IS NULL OR i."serviceId" = ANY($6::text[]))`;
}

/** Services whose rollups cannot be trusted over [.., $1): a change not rolled up yet, or an ongoing impact. */
export function rollupBlockedSql(): string {
  return `
  SELECT "serviceId" FROM "ImpactRollupMark" WHERE ($2::text[] IS NULL OR "serviceId" = ANY($2::text[]))
  UNION
  SELECT "serviceId" FROM "Impact" WHERE "effectiveEnd" IS NULL AND "effectiveStart" < ${utc("$1")} AND ($2::text[] IS NULL OR "serviceId" = ANY($2::text[]))`;
}
