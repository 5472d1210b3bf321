import { prisma } from "@/lib/server/db";

/**
 * Many incidents at once, for tests about volume (through the API they would take minutes): two
 * SQL statements, the impact rows carrying their incident's copies as the app writes them
 * (docs/decisions/0001; the trigger checks them at commit). Incident g of 1..count starts at
 * `from + g * stepMs` (no two alike, so the newest-first order is one order) and hits the first
 * service, every other one the second too, at 40 %. `varied` gives titles and texts that CSV must
 * quote or guard (commas, quotes, line breaks, leading = - @ and '), and milestones on two in three.
 * The ids are `<tag>n<g>` (letters and digits, as the list cursors expect: see bulkTag);
 * `deleteBySql(tag)` removes them.
 */
export async function insertIncidentsBySql(opts: { tag: string; services: string[]; count: number; fromMs: number; stepMs: number; ongoing: boolean; varied?: boolean }): Promise<void> {
  const { tag, services, count, fromMs, stepMs, ongoing } = opts;
  const varied = opts.varied ?? false;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Incident" (id, title, severity, kind, status, "startedAt", "detectedAt", "acknowledgedAt", "resolvedAt", summary, "rootCause", "updatedAt")
      SELECT ${tag} || 'n' || g,
             CASE WHEN NOT ${varied} THEN 'Outage ' || g
                  WHEN g % 5 = 0 THEN '=HYPERLINK("http://x") ' || g
                  WHEN g % 5 = 1 THEN 'Checkout, "payments" down ' || g
                  WHEN g % 5 = 2 THEN '-5% traffic ' || g
                  WHEN g % 5 = 3 THEN '''=quoted ' || g
                  ELSE 'Outage ' || g END,
             ('SEV' || (1 + g % 5))::"Severity",
             (CASE WHEN g % 10 = 0 THEN 'maintenance' ELSE 'unplanned' END)::"IncidentKind",
             (CASE WHEN ${ongoing} THEN 'investigating' ELSE 'resolved' END)::"IncidentStatus",
             s,
             CASE WHEN ${varied} AND g % 3 <> 0 THEN s + interval '2 minutes' END,
             CASE WHEN ${varied} AND g % 3 <> 0 THEN s + interval '5 minutes' END,
             CASE WHEN NOT ${ongoing} THEN s + interval '30 minutes' END,
             CASE WHEN ${varied} AND g % 4 = 0 THEN E'First line, with a comma\\r\\nSecond "line"' ELSE '' END,
             CASE WHEN ${varied} AND g % 7 = 0 THEN '@cache node ' || g ELSE '' END,
             now()
        FROM generate_series(1, ${count}::int) AS g,
             LATERAL (SELECT timestamp '1970-01-01' + (${fromMs}::bigint + g * ${stepMs}::bigint) * interval '1 millisecond' AS s) AS t`;
    await tx.$executeRaw`
      INSERT INTO "Impact" (id, "incidentId", "serviceId", fraction, kind, "effectiveStart", "effectiveEnd", "incidentStartedAt",
                            "incidentDetectedAt", "incidentAcknowledgedAt", "incidentResolvedAt", "incidentNumber", "incidentTitle")
      SELECT n.id || '-' || sv.ord, n.id, sv.id, CASE WHEN sv.ord = 1 THEN 1 ELSE 0.4 END, n.kind, n."startedAt", n."resolvedAt", n."startedAt",
             n."detectedAt", n."acknowledgedAt", n."resolvedAt", n.number, n.title
        FROM "Incident" n
        JOIN (SELECT s.id, u.ord FROM unnest(${services}::text[]) WITH ORDINALITY AS u(slug, ord) JOIN "Service" s ON s.slug = u.slug) AS sv
          ON sv.ord = 1 OR (sv.ord = 2 AND n.number % 2 = 0)
       WHERE n.id LIKE ${`${tag}n%`}`;
  });
}

/** Removes what a test wrote in bulk (the incidents whose ids start with `tag`, and their rows). */
export async function deleteBySql(tag: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "Incident" WHERE id LIKE ${`${tag}n%`}`;
}

/**
 * After a test deleted thousands of rows: their dead versions cleared and the planner's figures
 * refreshed, so the tests that follow read the tables as fast as before it ran.
 */
export async function tidyAfterBulk(): Promise<void> {
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Incident", "Impact", "TimelineEvent", "AuditEvent"');
}

/** A tag for insertIncidentsBySql no other test uses: lower-case letters and digits. */
export function bulkTag(): string {
  return `bulk${process.pid.toString(36)}${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}
