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
