// The incident measurements of `npm run bench` (issue 9): declaring an incident with three impacts,
// and the incident page's server response, each beside a floor:
//   POST floor  = the rows a declaration writes (the incident, three impacts, its opening timeline
//                 entry, its audit event), written in one transaction from this process, plus the
//                 no-work HTTP round trip;
//   page floor  = the JSON request for the same incident (GET /api/v1/incidents/{id}): the page
//                 renders exactly that data, so the difference is the page's own cost.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { incidentReference } from "../lib/domain/incident-lifecycle";
import { TimelineEntryData } from "../lib/schemas/stored";

export type Sign = { cookie: string };

/** Signs in through the real sign-in endpoint, as a browser would; returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<Sign> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/", json: "true" }),
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return { cookie: session.split(";")[0] as string };
}

/** Incidents with at least three impacts, most recent first: what a responder opens. */
export async function busyIncidents(pool: pg.Pool, n: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT "incidentId" AS id FROM "Impact" GROUP BY "incidentId" HAVING count(*) >= 3 ORDER BY max("effectiveStart") DESC LIMIT $1`,
    [n],
  );
  return rows.map((r) => r.id);
}

/** A declaration's body: three services, one partial, started minutes ago. */
export function declaration(services: [string, string, string], i: number): Record<string, unknown> {
  const now = Date.now();
  return {
    title: `Bench outage ${i}`,
    severity: "SEV2",
    startedAt: new Date(now - 5 * 60_000).toISOString(),
    detectedAt: new Date(now).toISOString(),
    impacts: [{ service: services[0] }, { service: services[1], fraction: 0.4 }, { service: services[2] }],
  };
}

/** The rows of one declaration in one transaction: what the database alone must do. */
export async function writeFloor(pool: pg.Pool, serviceIds: [string, string, string], actorId: string): Promise<void> {
  const client = await pool.connect();
  const id = `floor-${randomBytes(8).toString("hex")}`;
  const started = new Date(Date.now() - 5 * 60_000);
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ number: number }>(
      `INSERT INTO "Incident" (id, title, severity, kind, status, "startedAt", "detectedAt", "updatedAt")
       VALUES ($1, 'Floor outage', 'SEV2', 'unplanned', 'investigating', $2, now(), now()) RETURNING number`,
      [id, started],
    );
    const number = rows[0]?.number;
    await client.query(
      `INSERT INTO "Impact" (id, "incidentId", "serviceId", fraction, kind, "effectiveStart", "incidentStartedAt", "incidentDetectedAt", "incidentNumber", "incidentTitle")
       SELECT $1 || '-' || s, $1, s, f, 'unplanned', $2, $2, now(), $3, 'Floor outage' FROM unnest($4::text[], $5::float8[]) AS u(s, f)`,
      [id, started, number, serviceIds, [1, 0.4, 1]],
    );
    // The entry as the app writes it (TimelineEntryData.write: its schema version and the reference).
    const opened = TimelineEntryData.write({ kind: "opened", reference: incidentReference(number as number) });
    await client.query(`INSERT INTO "TimelineEvent" (id, "incidentId", at, type, message, data) VALUES ($1, $2, $3, 'note', '', $4)`, [`${id}-t`, id, started, JSON.stringify(opened)]);
    await client.query(`INSERT INTO "AuditEvent" (id, "actorId", "actorLabel", action, "entityType", "entityId", after) VALUES ($1, $2, 'bench', 'create', 'incident', $3, '{}')`, [`${id}-a`, actorId, id]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}
