import pg from "pg";
import { parsePostgresUrl, pgClientConfig } from "../../scripts/db/pg-url";

/**
 * A connection of its own, without the app's 5 s statement timeout (lib/server/db.ts): tens of
 * thousands of fixture rows in one statement passed it while the build and the browser tests
 * shared the two CPUs, failing files that test no timeout.
 */
async function withBulkClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgClientConfig(parsePostgresUrl(process.env.DATABASE_URL ?? "")));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

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
  await withBulkClient(async (c) => {
    await c.query("BEGIN");
    await c.query(`
      INSERT INTO "Incident" (id, title, severity, kind, status, "startedAt", "detectedAt", "acknowledgedAt", "resolvedAt", summary, "rootCause", "updatedAt")
      SELECT $1::text || 'n' || g,
             CASE WHEN NOT $2::boolean THEN 'Outage ' || g
                  WHEN g % 5 = 0 THEN '=HYPERLINK("http://x") ' || g
                  WHEN g % 5 = 1 THEN 'Checkout, "payments" down ' || g
                  WHEN g % 5 = 2 THEN '-5% traffic ' || g
                  WHEN g % 5 = 3 THEN '''=quoted ' || g
                  ELSE 'Outage ' || g END,
             ('SEV' || (1 + g % 5))::"Severity",
             (CASE WHEN g % 10 = 0 THEN 'maintenance' ELSE 'unplanned' END)::"IncidentKind",
             (CASE WHEN $3::boolean THEN 'investigating' ELSE 'resolved' END)::"IncidentStatus",
             s,
             CASE WHEN $2::boolean AND g % 3 <> 0 THEN s + interval '2 minutes' END,
             CASE WHEN $2::boolean AND g % 3 <> 0 THEN s + interval '5 minutes' END,
             CASE WHEN NOT $3::boolean THEN s + interval '30 minutes' END,
             CASE WHEN $2::boolean AND g % 4 = 0 THEN E'First line, with a comma\\r\\nSecond "line"' ELSE '' END,
             CASE WHEN $2::boolean AND g % 7 = 0 THEN '@cache node ' || g ELSE '' END,
             now()
        FROM generate_series(1, $4::int) AS g,
             LATERAL (SELECT timestamp '1970-01-01' + ($5::bigint + g * $6::bigint) * interval '1 millisecond' AS s) AS t`,
      [tag, varied, ongoing, count, fromMs, stepMs],
    );
    await c.query(`
      INSERT INTO "Impact" (id, "incidentId", "serviceId", fraction, kind, "effectiveStart", "effectiveEnd", "incidentStartedAt",
                            "incidentDetectedAt", "incidentAcknowledgedAt", "incidentResolvedAt", "incidentNumber", "incidentTitle")
      SELECT n.id || '-' || sv.ord, n.id, sv.id, CASE WHEN sv.ord = 1 THEN 1 ELSE 0.4 END, n.kind, n."startedAt", n."resolvedAt", n."startedAt",
             n."detectedAt", n."acknowledgedAt", n."resolvedAt", n.number, n.title
        FROM "Incident" n
        JOIN (SELECT s.id, u.ord FROM unnest($1::text[]) WITH ORDINALITY AS u(slug, ord) JOIN "Service" s ON s.slug = u.slug) AS sv
          ON sv.ord = 1 OR (sv.ord = 2 AND n.number % 2 = 0)
       WHERE n.id LIKE $2`,
      [services, `${tag}n%`],
    );
    await c.query("COMMIT");
  });
}

/** Removes what a test wrote in bulk (the incidents whose ids start with `tag`, and their rows). */
export async function deleteBySql(tag: string): Promise<void> {
  await withBulkClient((c) => c.query(`DELETE FROM "Incident" WHERE id LIKE $1`, [`${tag}n%`]));
}

/**
 * After a test deleted thousands of rows: their dead versions cleared and the planner's figures
 * refreshed, so the tests that follow read the tables as fast as before it ran.
 */
export async function tidyAfterBulk(): Promise<void> {
  await withBulkClient((c) => c.query('VACUUM ANALYZE "Incident", "Impact", "TimelineEvent", "AuditEvent"'));
}

/** A tag for insertIncidentsBySql no other test uses: lower-case letters and digits. */
export function bulkTag(): string {
  return `bulk${process.pid.toString(36)}${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}
