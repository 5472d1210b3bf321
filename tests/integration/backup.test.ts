import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { backupDatabase, DERIVED_TABLES, RestoreRefused, restoreDatabase } from "../../scripts/db/backup";
import { parsePostgresUrl, pgClientConfig, withDatabase } from "../../scripts/db/pg-url";
import { DEMO_SEED } from "@/lib/server/demo";
import { as } from "@/lib/server/demo/context";
import { demoRandom } from "@/lib/server/demo/random";
import { fillServices } from "@/lib/server/demo/steps/services";
import { insertIncidents } from "@/lib/server/incidents-bulk";
import { addTimelineEvent } from "@/lib/server/incidents-write";
import { tokensForAllRoles } from "../support/fixtures";
import { prisma } from "@/lib/server/db";
import { createIncident } from "@/lib/server/incidents-write";
import { IncidentInput } from "@/lib/schemas/incident";
import { seal } from "@/lib/server/secret-box";
import { ownDatabaseForFile } from "../support/database";
import { onServer } from "../support/pg-server";

// npm run backup / npm run restore (scripts/db/backup.ts): a database full of everything Nines
// keeps, backed up while incidents are being written, restored into a new installation, and
// compared table by table with the source as of the backup's own snapshot.
const source = await ownDatabaseForFile();
const secret = process.env.NEXTAUTH_SECRET as string;

const created: string[] = [];
/** A new installation: migrated (a copy of the run's migrated template, as npm run restore migrates first), and empty. */
async function emptyDatabase(): Promise<string> {
  const template = inject("templateDatabase");
  const name = `${template.replace(/_template$/, "")}_own_${randomBytes(4).toString("hex")}`;
  await onServer(source, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`));
  created.push(name);
  return withDatabase(source, name);
}
afterAll(async () => {
  for (const name of created) await onServer(source, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
});

/** Per table: how many rows, and a digest of them all whatever their order. */
async function digests(client: pg.ClientBase): Promise<Record<string, string>> {
  const tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`)).rows;
  const out: Record<string, string> = {};
  // The rollups are rebuilt from the impacts, not copied (checked below).
  for (const { name } of tables.filter((t) => !DERIVED_TABLES.includes(t.name))) {
    const r = await client.query<{ n: string; d: string }>(`SELECT count(*) AS n, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS d FROM (SELECT md5(row_to_json(t)::text) AS h FROM "${name}" t) x`);
    out[name] = `${r.rows[0]?.n}:${r.rows[0]?.d}`;
  }
  return out;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgClientConfig(parsePostgresUrl(url)));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nines-backup-"));
  // Varied rows, cheaply: the demo's services (tiers, dependencies, SLOs), people and tokens, 300
  // incidents in one bulk write (impacts, timelines, audit), typed updates, a sealed secret.
  const now = Date.now();
  await fillServices({ now, recordStart: now - 190 * 86_400_000, timeZone: "UTC", random: demoRandom(DEMO_SEED), seed: DEMO_SEED, creator: null, incidents: [], risks: new Map() });
  await tokensForAllRoles();
  const slugs = (await prisma.service.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((s) => s.slug);
  const inputs = Array.from({ length: 300 }, (_, i) => {
    const start = now - (i + 1) * 7_200_000 - (i % 60) * 1_017;
    return IncidentInput.parse({
      title: `Incident ${i} “quoted”, with a comma`,
      severity: `SEV${(i % 5) + 1}`,
      kind: i % 7 === 0 ? "maintenance" : "unplanned",
      startedAt: new Date(start).toISOString(),
      detectedAt: new Date(start + 60_123).toISOString(),
      resolvedAt: i % 50 === 0 ? null : new Date(start + 1_800_000 + i).toISOString(),
      summary: i % 3 === 0 ? "A summary\nover two lines — with ünïcode" : "",
      impacts: [{ service: slugs[i % slugs.length], fraction: 0.1 + (i % 9) / 10 }, { service: slugs[(i + 1) % slugs.length], fraction: 1 / 3 }],
    });
  });
  const written = await prisma.$transaction((tx) => insertIncidents(tx, as("kwame"), inputs), { timeout: 60_000 });
  for (const incident of written.slice(0, 20)) await addTimelineEvent(as("mei"), incident.id, { type: "update", message: "We are on it", public: true });
  // A sealed secret: the backup keeps it sealed, and names the key that opens it.
  await prisma.notificationChannel.create({ data: { name: "On-call hook", type: "email", to: ["oncall@example.com", "sre@example.com"], secretSealed: seal("nsec_not_in_the_clear") } });
}, 120_000);

describe("backup and restore", () => {
  let file: string;
  let atSnapshot: Record<string, string> = {};

  it("copies every table as of one instant while incidents are being written", async () => {
    const services = (await prisma.service.findMany({ select: { slug: true }, take: 3 })).map((s) => s.slug);
    let writing = true;
    let written = 0;
    const load = (async () => {
      while (writing) {
        await createIncident(as("kwame"), IncidentInput.parse({ title: `Load ${written}`, severity: "SEV4", startedAt: new Date(Date.now() - 60_000).toISOString(), impacts: services.map((service) => ({ service, fraction: 0.1 })) }), { offer: false });
        written += 1;
      }
    })();
    while (written < 3) await new Promise((r) => setTimeout(r, 20));
    const before = written;
    file = path.join(dir, "nines.jsonl.gz");
    const result = await backupDatabase(source, file, {
      secret,
      // The source as the backup sees it: a second transaction on the same snapshot.
      onSnapshot: (id) =>
        withClient(source, async (c) => {
          await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
          await c.query(`SET TRANSACTION SNAPSHOT '${id}'`);
          atSnapshot = await digests(c);
          await c.query("COMMIT");
        }),
    });
    const during = written - before;
    writing = false;
    await load;
    expect(during, "incidents written while the backup ran").toBeGreaterThan(0);
    expect(Object.keys(result.rows).sort()).toEqual(Object.keys(atSnapshot).sort());
    for (const [table, n] of Object.entries(result.rows)) expect(`${table} ${n}`).toBe(`${table} ${atSnapshot[table]?.split(":")[0]}`);
    expect(result.rows.Incident).toBeGreaterThan(300);
    // Writes went on after the snapshot: the source has more than the copy.
    expect(await prisma.incident.count()).toBeGreaterThan(result.rows.Incident as number);
    // Nothing secret in the clear: the channel's secret is in it only sealed.
    const text = gunzipSync(await readFile(file)).toString("utf8");
    expect(text).toContain('"secretSealed":"v1.');
    expect(text).not.toContain("nsec_not_in_the_clear");
  }, 120_000);

  it("restores it into an empty installation, every table equal to the source at the backup's instant", async () => {
    const target = await emptyDatabase();
    const restored = await restoreDatabase(target, file, { secret });
    expect(Object.values(restored.rows).reduce((a, b) => a + b, 0)).toBeGreaterThan(1500);
    // Not a comparison of empty tables.
    expect(Object.values(restored.rows).filter((n) => n > 0).length).toBeGreaterThanOrEqual(12);
    const after = await withClient(target, digests);
    expect(after).toEqual(atSnapshot);
    // Every restored closed impact is marked for the rollup job to rebuild its hours and days.
    await withClient(target, async (c) => {
      const r = await c.query<{ marks: string; closed: string }>(`SELECT (SELECT count(*) FROM "ImpactRollupMark") AS marks, (SELECT count(*) FROM "Impact" WHERE "effectiveEnd" IS NOT NULL) AS closed`);
      expect(Number(r.rows[0]?.marks)).toBe(Number(r.rows[0]?.closed));
      expect(Number(r.rows[0]?.closed)).toBeGreaterThan(100);
    });
    // INC-<number> goes on where the source's sequence was (a number given before is not given again).
    await withClient(target, async (c) => {
      const r = await c.query<{ next: string; max: number }>(`SELECT nextval(pg_get_serial_sequence('"Incident"', 'number')) AS next, (SELECT max(number) FROM "Incident") AS max`);
      expect(Number(r.rows[0]?.next)).toBeGreaterThan(Number(r.rows[0]?.max));
    });
    // A second restore into it: refused, it is no longer empty, and nothing changed.
    await expect(restoreDatabase(target, file, { secret })).rejects.toThrow(/not empty/);
    expect(await withClient(target, digests)).toEqual(atSnapshot);
  }, 120_000);

  it("is not made with another NEXTAUTH_SECRET than the one that sealed the secrets inside", async () => {
    await expect(backupDatabase(source, path.join(dir, "wrong-key.jsonl.gz"), { secret: "not-the-apps-secret" })).rejects.toThrow(/not sealed with this NEXTAUTH_SECRET/);
  });

  it("refuses clearly without the key that sealed its secrets, a file cut short, and a file that is not a backup", async () => {
    const target = await emptyDatabase();
    const wrong = restoreDatabase(target, file, { secret: "another-secret" });
    await expect(wrong).rejects.toBeInstanceOf(RestoreRefused);
    await expect(restoreDatabase(target, file, { secret: "another-secret" })).rejects.toThrow(/sealed with the key [0-9a-f]{16}.*Set NEXTAUTH_SECRET/);
    await expect(restoreDatabase(target, file, { secret: null })).rejects.toThrow(/no NEXTAUTH_SECRET is set here/);

    const whole = gunzipSync(await readFile(file)).toString("utf8").split("\n");
    const cut = path.join(dir, "cut.jsonl.gz");
    await writeFile(cut, gzipSync(whole.slice(0, Math.floor(whole.length / 2)).join("\n")));
    await expect(restoreDatabase(target, cut, { secret })).rejects.toThrow(/incomplete|damaged/);
    const bytes = await readFile(file);
    const chopped = path.join(dir, "chopped.jsonl.gz");
    await writeFile(chopped, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restoreDatabase(target, chopped, { secret })).rejects.toThrow(/damaged or was cut short|damaged/);
    const other = path.join(dir, "other.gz");
    await writeFile(other, gzipSync("id,name\n1,x\n"));
    await expect(restoreDatabase(target, other, { secret })).rejects.toThrow(/not a Nines backup/);
    // Each refusal left it empty.
    await withClient(target, async (c) => expect(Number((await c.query(`SELECT count(*) AS n FROM "Incident"`)).rows[0]?.n)).toBe(0));
  }, 120_000);
});
