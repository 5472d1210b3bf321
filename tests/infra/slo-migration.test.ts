// The migration that gives every service its SLO from the incident record keeps each service's
// objective as it was: its own target, window and maintenance rule (or none, inheriting the
// tier's), so every figure computed from it is unchanged (docs/decisions/0021-slo-entity.md).
import pg from "pg";
import { expect, it } from "vitest";
import { effectiveSlo } from "../../lib/domain/incident-lifecycle";
import { StoredBudgeting, StoredSli } from "../../lib/schemas/stored";
import { applyMigrations } from "../../scripts/db/migrate";
import { migrationsBefore } from "../support/migrations-before";

const FIRST_SLO_MIGRATION = "20261202124427_slos";
const setup = migrationsBefore(FIRST_SLO_MIGRATION);

type Rule = "count" | "exclude";
const services: [slug: string, target: number | null, window: string | null, rule: Rule | null, archived: boolean][] = [
  ["own-everything", 0.9995, "rolling:28d", "exclude", false],
  ["inherits", null, null, null, false],
  ["own-window", null, "week", null, true],
];

it("gives every service an 'availability' SLO with its own objective, figures unchanged", async () => {
  const quiet = () => {};
  await applyMigrations(setup.db.url, { migrationsDir: setup.before, log: quiet });
  const client = new pg.Client({ connectionString: setup.db.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Tier" (id, rank, name, "sloTarget", "sloWindow", "maintenanceRule", "updatedAt") VALUES ('t1', 1, 'Critical', 0.999, 'month', 'count', now())`);
    for (const [slug, target, window, rule, archived] of services) {
      await client.query(
        `INSERT INTO "Service" (id, slug, name, "tierId", "sloTarget", "sloWindow", "maintenanceRule", "archivedAt", "updatedAt") VALUES ($1, $1, $1, 't1', $2, $3, $4::"MaintenanceRule", $5, now())`,
        [slug, target, window, rule, archived ? new Date() : null],
      );
    }
    const tier = { sloTarget: 0.999, sloWindow: "month", maintenance: "count" as Rule };
    const was = new Map(services.map(([slug, sloTarget, sloWindow, maintenance]) => [slug, effectiveSlo({ sloTarget, sloWindow, maintenance }, tier)]));

    await applyMigrations(setup.db.url, { log: quiet });
    const { rows } = await client.query<{ slug: string; name: string; target: number | null; window: string | null; rule: Rule | null; sli: unknown; budgeting: unknown }>(
      `SELECT s.slug, o.name, o.target, o."window", o."maintenanceRule"::text AS rule, o.sli, o.budgeting FROM "Slo" o JOIN "Service" s ON s.id = o."serviceId" ORDER BY s.slug`,
    );
    expect(rows.map((r) => [r.slug, r.name, r.target, r.window, r.rule])).toEqual(
      services.map(([slug, target, window, rule]) => [slug, "availability", target, window, rule]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    for (const r of rows) {
      expect(effectiveSlo({ sloTarget: r.target, sloWindow: r.window, maintenance: r.rule }, tier)).toEqual(was.get(r.slug));
      expect(StoredSli.read(r.sli, r.slug)).toEqual({ source: "incidents" });
      expect(StoredBudgeting.read(r.budgeting, r.slug)).toEqual({ method: "time" });
    }
    const columns = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Service' AND column_name IN ('sloTarget', 'sloWindow', 'maintenanceRule')`);
    expect(columns.rows).toEqual([]);
  } finally {
    await client.end();
  }
}, 180_000);
