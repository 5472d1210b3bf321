// The availability reads, kept apart from server-only code so the benchmark times exactly these
// queries as its data floor.

const ms = (col: string) => `(extract(epoch from ${col}) * 1000)::float8`;
const utc = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Impacts overlapping [$1, $2), one table, no join (Impact carries its incident's kind and start).
 * With `$3` a list of service ids it reads Impact(serviceId, effectiveEnd); without, it reads
 * Impact(effectiveEnd) for every service at once. Instants come back as epoch ms: timestamps are
 * stored as UTC, and numbers avoid building a Date per column per row.
 */
export function impactsSql(byService: boolean): string {
  return `
  SELECT i."serviceId" AS service_id, i."incidentId" AS incident_id, i.fraction, i.kind::text AS kind,
         ${ms('i."effectiveStart"')} AS start_ms, ${ms('i."effectiveEnd"')} AS end_ms,
         ${ms('i."incidentStartedAt"')} AS inc_start
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
 * The incidents overlapping [$1, $2) — or, with `$3`, just those ids (a few services: primary-key
 * lookups instead of a range) — with their later milestones (MTTD / MTTA / MTTR) and the
 * reference and title the attribution list shows. Kind and start are not read again: every impact
 * row carries them (a trigger keeps them equal to the incident's), and on an all-services read
 * two columns fewer for thousands of rows is a quarter of this query's time.
 */
export function incidentsSql(byId: boolean): string {
  return `
  SELECT n.id, n.number, n.title, ${ms('n."detectedAt"')} AS detected, ${ms('n."acknowledgedAt"')} AS acknowledged,
         ${ms('n."resolvedAt"')} AS resolved
    FROM "Incident" n
   WHERE ${byId ? "n.id = ANY($3::text[]) AND" : ""}
         n."startedAt" < ${utc("$2")} AND (n."resolvedAt" > ${utc("$1")} OR n."resolvedAt" IS NULL)`;
}
