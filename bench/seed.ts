// A realistic large organisation for the benchmark: services in four tiers, incidents over two
// years with heavy-tailed durations, overlaps, partial impacts, maintenance, a few still ongoing.
// Deterministic (seeded PRNG) so runs compare.
import pg from "pg";
import { SERVICE_SLO_NAME } from "../lib/domain/slo";
import { StoredBudgeting, StoredSli } from "../lib/schemas/stored";
import { DEFAULT_TIERS } from "../lib/schemas/tier";

export type SeedSize = { services: number; incidents: number; days: number };

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;

export async function seed(url: string, size: SeedSize, asOf: number): Promise<{ impacts: number }> {
  const rand = prng(20261122);
  const expo = (mean: number) => -Math.log(1 - rand()) * mean;
  // Log-normal: median ~25 min, p99 of a day or two: outages are heavy-tailed.
  const duration = () => Math.min(3 * 1440, Math.exp(Math.log(25) + 1.3 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()))) * MINUTE;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Generated rows are valid by construction; skipping the per-row constraint trigger keeps the
    // seed fast. CHECK constraints still apply.
    await client.query("SET session_replication_role = replica");
    const tiers = (await client.query<{ id: string; rank: number }>(`SELECT id, rank FROM "Tier" ORDER BY rank`)).rows;
    const tierShare = [0.1, 0.3, 0.4, 0.2];
    const serviceIds: string[] = [];
    const slugs: string[] = [];
    const tierIds: string[] = [];
    for (let i = 0; i < size.services; i++) {
      const r = rand();
      let acc = 0;
      let t = tiers.length - 1;
      for (let k = 0; k < tiers.length; k++) {
        acc += tierShare[k] ?? 0;
        if (r < acc) { t = k; break; }
      }
      serviceIds.push(`bench-svc-${i}`);
      slugs.push(`svc-${String(i).padStart(5, "0")}`);
      tierIds.push((tiers[t] as { id: string }).id);
    }
    const span = size.days * 1440 * MINUTE;
    // Measured from the start of the seeded history: a service's record counts from measuredSince
    // (docs/domain.md), and its default (the insert's now()) would make every seeded figure no data.
    await client.query(
      `INSERT INTO "Service" (id, slug, name, "tierId", "measuredSince", "updatedAt")
       SELECT id, slug, 'Service ' || slug, tier, $4::timestamptz, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, slug, tier)`,
      [serviceIds, slugs, tierIds, new Date(asOf - span).toISOString()],
    );
    // Every service has its SLO from the incident record (docs/decisions/0021-slo-entity.md), inheriting its tier's objective.
    await client.query(
      `INSERT INTO "Slo" (id, "serviceId", name, sli, budgeting, "updatedAt")
       SELECT 'bench-slo-' || id, id, $2, $3::jsonb, $4::jsonb, now() FROM unnest($1::text[]) AS u(id)`,
      [serviceIds, SERVICE_SLO_NAME, JSON.stringify(StoredSli.write({ source: "incidents" })), JSON.stringify(StoredBudgeting.write({ method: "time" }))],
    );

    let impacts = 0;
    const BATCH = 5000;
    for (let start = 0; start < size.incidents; start += BATCH) {
      const inc = { id: [] as string[], title: [] as string[], sev: [] as string[], kind: [] as string[], status: [] as string[], s: [] as string[], d: [] as (string | null)[], a: [] as (string | null)[], m: [] as (string | null)[], r: [] as (string | null)[] };
      const imp = { id: [] as string[], inc: [] as string[], is: [] as string[], svc: [] as string[], f: [] as number[], kind: [] as string[], os: [] as (string | null)[], oe: [] as (string | null)[], es: [] as string[], ee: [] as (string | null)[] };
      for (let i = start; i < Math.min(size.incidents, start + BATCH); i++) {
        const id = `bench-inc-${i}`;
        const kind = rand() < 0.1 ? "maintenance" : "unplanned";
        const s = asOf - span + rand() * (span - 2 * MINUTE);
        const ongoing = asOf - s < 6 * 3600_000 && rand() < 0.3;
        const dur = kind === "maintenance" ? (30 + Math.floor(rand() * 4) * 30) * MINUTE : duration();
        const r = ongoing ? null : Math.min(asOf - MINUTE, s + dur);
        const d = kind === "unplanned" && rand() > 0.05 ? s + Math.min(expo(6 * MINUTE), (r ?? asOf) - s) : null;
        const a = d !== null && rand() > 0.05 ? d + Math.min(expo(4 * MINUTE), (r ?? asOf) - d) : null;
        const m = a !== null && r !== null && rand() > 0.3 ? a + ((r - a) * rand()) : null;
        const iso = (x: number | null) => (x === null ? null : new Date(Math.round(x)).toISOString());
        inc.id.push(id); inc.title.push(`Incident ${i}`);
        inc.sev.push(`SEV${1 + Math.min(4, Math.floor(expo(1.2)))}`); inc.kind.push(kind);
        inc.status.push(r === null ? "investigating" : "resolved");
        inc.s.push(iso(s) as string); inc.d.push(iso(d)); inc.a.push(iso(a)); inc.m.push(iso(m)); inc.r.push(iso(r));
        const width = rand() < 0.7 ? 1 : rand() < 0.85 ? 2 + Math.floor(rand() * 2) : 5 + Math.floor(rand() * 6);
        const chosen = new Set<number>();
        while (chosen.size < width) chosen.add(Math.floor(Math.pow(rand(), 1.6) * size.services));
        for (const k of chosen) {
          const f = rand() < 0.4 ? 1 : Math.round((0.05 + rand() * 0.85) * 100) / 100;
          const own = r !== null && rand() < 0.1;
          const os = own ? s + (r - s) * rand() * 0.3 : null;
          const oe = own ? r - (r - s) * rand() * 0.3 : null;
          imp.id.push(`${id}-${k}`); imp.inc.push(id); imp.is.push(iso(s) as string); imp.svc.push(serviceIds[k] as string); imp.f.push(f); imp.kind.push(kind);
          imp.os.push(iso(os)); imp.oe.push(iso(oe)); imp.es.push(iso(os ?? s) as string); imp.ee.push(iso(oe ?? r));
        }
      }
      await client.query(
        `INSERT INTO "Incident" (id, title, severity, kind, status, "startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "updatedAt")
         SELECT id, title, sev::"Severity", kind::"IncidentKind", status::"IncidentStatus", s, d, a, m, r, now()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp[], $7::timestamp[], $8::timestamp[], $9::timestamp[], $10::timestamp[])
             AS u(id, title, sev, kind, status, s, d, a, m, r)`,
        [inc.id, inc.title, inc.sev, inc.kind, inc.status, inc.s, inc.d, inc.a, inc.m, inc.r],
      );
      await client.query(
        // The impact's copies of its incident (milestones, number, title) from the incident rows.
        `INSERT INTO "Impact" (id, "incidentId", "serviceId", fraction, kind, "startedAt", "endedAt", "effectiveStart", "effectiveEnd", "incidentStartedAt",
                               "incidentDetectedAt", "incidentAcknowledgedAt", "incidentResolvedAt", "incidentNumber", "incidentTitle")
         SELECT u.id, u.inc, u.svc, u.f, u.kind::"IncidentKind", u.os, u.oe, u.es, u.ee, u.ist,
                n."detectedAt", n."acknowledgedAt", n."resolvedAt", n.number, n.title
           FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::timestamp[], $7::timestamp[], $8::timestamp[], $9::timestamp[], $10::timestamp[])
             AS u(id, inc, svc, f, kind, os, oe, es, ee, ist)
           JOIN "Incident" n ON n.id = u.inc`,
        [imp.id, imp.inc, imp.svc, imp.f, imp.kind, imp.os, imp.oe, imp.es, imp.ee, imp.is],
      );
      impacts += imp.id.length;
    }
    await client.query("SET session_replication_role = origin");
    await client.query("ANALYZE");
    return { impacts };
  } finally {
    await client.end();
  }
}

/** The four default tiers, as a new database has them after the app's first start. */
export async function insertDefaultTiers(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const tier of DEFAULT_TIERS) {
      await client.query(
        `INSERT INTO "Tier" (id, rank, name, description, "sloTarget", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (rank) DO NOTHING`,
        [`tier-${tier.rank}`, tier.rank, tier.name, tier.description, tier.sloTarget],
      );
    }
  } finally {
    await client.end();
  }
}
