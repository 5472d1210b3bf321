// The hours kept before day rows (ProbeHour) become day rows as they were: their counts exact, their
// unknown time as an amount, untimed (where in the hour things were was not kept), and an hour
// without a row before rolledTo as one nothing covered (docs/decisions/0030-probe-history-that-fits.md).
import pg from "pg";
import { expect, it } from "vitest";
import { unpackDay, type ProbeDayRow } from "@/lib/domain/probe-days";
import { unknownMsOf } from "@/lib/domain/probe-hours";
import { applyMigrations } from "../../scripts/db/migrate";
import { migrationsBefore } from "../support/migrations-before";

const setup = migrationsBefore("20261203090134_probe_days");

it("turns each probe's kept hours into untimed day rows with the same counts", async () => {
  const quiet = () => {};
  await applyMigrations(setup.db.url, { migrationsDir: setup.before, log: quiet });
  const client = new pg.Client({ connectionString: setup.db.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ('u1', 'u@example.test', 'U', 'admin', 'x', now())`);
    await client.query(`INSERT INTO "Tier" (id, rank, name, "sloTarget", "updatedAt") VALUES ('t1', 1, 'Critical', 0.999, now())`);
    await client.query(`INSERT INTO "Service" (id, slug, name, "tierId", "updatedAt") VALUES ('s1', 's1', 'S1', 't1', now())`);
    await client.query(`INSERT INTO "Probe" (id, "serviceId", url, "intervalSeconds", "createdById", "updatedAt", "rolledTo") VALUES ('p1', 's1', 'https://x.example', 60, 'u1', now(), '2026-01-06 03:00')`);
    // Day one: hours 0 and 1 (the second before the 300 ms threshold was named) and 5; day two: hours 1 and 2.
    await client.query(
      `INSERT INTO "ProbeHour" ("probeId", start, runs, failures, "unknownSeconds", "withinMs", "withinRuns") VALUES
         ('p1', '2026-01-05 00:00', 60, 2, 0, '{300}', '{50}'), ('p1', '2026-01-05 01:00', 60, 0, 12.5, '{}', '{}'),
         ('p1', '2026-01-05 05:00', 1, 1, 3535, '{300,1000}', '{0,0}'), ('p1', '2026-01-06 01:00', 30, 0, 1800, '{1000}', '{30}'),
         ('p1', '2026-01-06 02:00', 0, 0, 3595, '{1000}', '{0}')`,
    );
    await applyMigrations(setup.db.url, { log: quiet });
    const { rows } = await client.query<Omit<ProbeDayRow, "day"> & { day: number }>(
      `SELECT (extract(epoch FROM day) * 1000)::float8 AS day, "untimedHours", runs, failures, "withinMs", "withinRuns", down, unknown, slow FROM "ProbeDay" ORDER BY day`,
    );
    const hours = rows.flatMap((r) => unpackDay(r)).map((h) => [new Date(h.start).toISOString().slice(5, 13), h.runs, h.failures, h.within, unknownMsOf(h) / 1000, h.timed]);
    const none = (t: string) => [t, 0, 0, [{ thresholdMs: 300, runs: 0 }, { thresholdMs: 1000, runs: 0 }], 3600, false];
    expect(hours).toEqual([
      ["01-05T00", 60, 2, [{ thresholdMs: 300, runs: 50 }], 0, false],
      ["01-05T01", 60, 0, [], 12.5, false],
      none("01-05T02"),
      none("01-05T03"),
      none("01-05T04"),
      ["01-05T05", 1, 1, [{ thresholdMs: 300, runs: 0 }, { thresholdMs: 1000, runs: 0 }], 3535, false],
      ...Array.from({ length: 18 }, (_, i) => none(`01-05T${String(i + 6).padStart(2, "0")}`)),
      // Day two up to rolledTo (03:00).
      ["01-06T00", 0, 0, [{ thresholdMs: 1000, runs: 0 }], 3600, false],
      ["01-06T01", 30, 0, [{ thresholdMs: 1000, runs: 30 }], 1800, false],
      ["01-06T02", 0, 0, [{ thresholdMs: 1000, runs: 0 }], 3595, false],
    ]);
    const indexes = await client.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'ProbeRun' ORDER BY 1`);
    expect(indexes.rows.map((r) => r.name)).toEqual(["ProbeRun_pkey", "ProbeRun_probeId_hour_idx"]);
    expect((await client.query(`SELECT to_regclass('"ProbeHour"') AS t`)).rows[0].t).toBeNull();
  } finally {
    await client.end();
  }
}, 180_000);
