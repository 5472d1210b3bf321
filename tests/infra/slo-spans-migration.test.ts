// Buckets merged before spans were kept (slo_spans) cannot say where their minutes were bad: the
// migration marks each as unmeasured, so logged against measured reads them as it did before,
// never as good throughout (docs/decisions/0024-slice-rows.md). Minutes are left alone.
import pg from "pg";
import { expect, it } from "vitest";
import { applyMigrations } from "../../scripts/db/migrate";
import { migrationsBefore } from "../support/migrations-before";

const SPANS_MIGRATION = "20261202200341_slo_spans";
const setup = migrationsBefore(SPANS_MIGRATION);

it("marks every bucket merged before spans were kept as unmeasured, and no minute", async () => {
  const quiet = () => {};
  await applyMigrations(setup.db.url, { migrationsDir: setup.before, log: quiet });
  const client = new pg.Client({ connectionString: setup.db.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Tier" (id, rank, name, "sloTarget", "sloWindow", "maintenanceRule", "updatedAt") VALUES ('t1', 1, 'Critical', 0.999, 'month', 'count', now())`);
    await client.query(`INSERT INTO "Service" (id, slug, name, "tierId", "updatedAt") VALUES ('s1', 's1', 'S1', 't1', now())`);
    await client.query(`INSERT INTO "Slo" (id, "serviceId", name, sli, budgeting, "updatedAt") VALUES ('o1', 's1', 'measured', '{"source":"incidents"}', '{"method":"time"}', now())`);
    await client.query(
      `INSERT INTO "SloBucket" ("sloId", start, seconds, good, total) VALUES
         ('o1', '2026-10-01 00:00', 86400, 990, 1000), ('o1', '2026-11-01 05:00', 3600, 99, 100), ('o1', '2026-12-01 10:00', 60, 9, 10)`,
    );
    await applyMigrations(setup.db.url, { log: quiet });
    const { rows } = await client.query<{ start: string; end: string; kind: string }>(
      `SELECT to_char(start, 'YYYY-MM-DD HH24:MI') AS start, to_char("end", 'YYYY-MM-DD HH24:MI') AS "end", kind FROM "SloSpan" ORDER BY start`,
    );
    expect(rows).toEqual([
      { start: "2026-10-01 00:00", end: "2026-10-02 00:00", kind: "gap" },
      { start: "2026-11-01 05:00", end: "2026-11-01 06:00", kind: "gap" },
    ]);
  } finally {
    await client.end();
  }
}, 180_000);
