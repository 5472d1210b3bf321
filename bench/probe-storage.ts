// What a probe's history costs in PostgreSQL (issue 22: 1,000 probes at 30 s, a year of history
// within 2 GB), run by `npm run bench` as a process of its own (react-server conditions, as the app
// loads it), or alone: `npm run bench:probes`. Probes at a 30 s interval, each measured by a success
// and a latency SLO, write their runs an hour at a time, in time order across the probes as the
// scheduler writes them, and the app's own job (lib/server/probe-rollup.ts) runs after each hour
// as the scheduler runs it: it keeps the closed hour in its day row (updated each hour) and deletes
// the runs past the default retention. A year of day rows is then copied from the ones it wrote.
// Bytes are PostgreSQL's own: each table with its indexes (pg_total_relation_size) over its rows.
// Prints a summary, then JSON on its last line.
import { startThrowawayDatabase } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";

const PROBES = Number(process.env.BENCH_STORAGE_PROBES ?? 100);
const INTERVAL = 30;
/** Simulated: the default retention (3 days) and a few hours more, so that the job has deleted runs. */
const HOURS = Number(process.env.BENCH_STORAGE_HOURS ?? 3 * 24 + 6);
const HOUR = 3_600_000;
const DAY = 86_400_000;
const YEAR_DAYS = 365;
const FLEET = 1000;
const GOAL_BYTES = 2e9;

const db = await startThrowawayDatabase();
process.env.DATABASE_URL = db.url;
process.env.DATABASE_POOL_SIZE = "4";
try {
  await applyMigrations(db.url, { log: () => {} });
  const { prisma, pool } = await import("@/lib/server/db");
  const { keepProbeHistory, ROLLUP_GRACE_MS } = await import("@/lib/server/probe-rollup");
  const { allSloAvailability } = await import("@/lib/server/slo-availability");
  const q = async <T>(text: string, values: unknown[] = []) => (await pool().query(text, values)).rows as T[];
  const user = await prisma.user.create({ data: { email: "bench@example.test", name: "Bench", role: "admin", passwordHash: "x" } });
  const tier = await prisma.tier.create({ data: { rank: 1, name: "Bench", sloTarget: 0.999 } });
  const service = await prisma.service.create({ data: { slug: "bench", name: "Bench", tierId: tier.id, slos: { create: { name: "availability", sli: { schemaVersion: 1, source: "incidents" }, budgeting: { schemaVersion: 1, method: "time" } } } } });
  await prisma.probe.createMany({ data: Array.from({ length: PROBES }, (_, i) => ({ serviceId: service.id, url: `https://svc-${i}.example/health`, intervalSeconds: INTERVAL, createdById: user.id, enabled: false })) });
  const probes = (await prisma.probe.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  await prisma.slo.createMany({
    data: probes.flatMap((probe, i) => [
      { serviceId: service.id, name: `up-${i}`, sli: { schemaVersion: 1, source: "probe", probe, kind: "success" }, budgeting: { schemaVersion: 1, method: "occurrences" } },
      { serviceId: service.id, name: `fast-${i}`, sli: { schemaVersion: 1, source: "probe", probe, kind: "latency", thresholdMs: 400 }, budgeting: { schemaVersion: 1, method: "occurrences" } },
    ]),
  });

  // An hour's runs of every probe, in time order across them: a run each 30 s per probe, spread
  // over the interval; about one in 300 failed and one in 50 slower than the threshold, with the
  // odd outage of a few minutes (so that the hours keep down and slow time, not only counts).
  const insertHour = (start: number) =>
    pool().query(
      `INSERT INTO "ProbeRun" ("probeId", at, "scheduledAt", ok, status, "latencyMs", error)
       SELECT ids[p + 1], timestamp 'epoch' + (($1::float8 + k * ${INTERVAL * 1000} + p * ${Math.floor((INTERVAL * 1000) / PROBES)}) * interval '1 millisecond'),
              timestamp 'epoch' + (($1::float8 + k * ${INTERVAL * 1000} + p * ${Math.floor((INTERVAL * 1000) / PROBES)}) * interval '1 millisecond'),
              f.ok, CASE WHEN f.ok THEN 200 ELSE 503 END, f.latency, CASE WHEN f.ok THEN NULL ELSE 'status' END
         FROM generate_series(0, ${HOUR / (INTERVAL * 1000) - 1}) k, generate_series(0, ${PROBES - 1}) p, (SELECT $2::text[] AS ids) x,
              LATERAL (SELECT NOT ((k * 7919 + p * 104729 + $3::int * 31) % 300 = 0 OR ($3::int + p) % 97 = 0 AND k BETWEEN 40 AND 47) AS ok,
                              60 + (k * 37 + p * 11 + $3::int) % 120 + CASE WHEN (k * 13 + p * 7 + $3::int) % 50 = 0 THEN 900 ELSE 0 END AS latency) f
        ORDER BY k, p`,
      [start, probes, Math.round(start / HOUR)],
    );

  const t0 = Math.floor((Date.now() - HOURS * HOUR) / DAY) * DAY;
  const started = performance.now();
  for (let h = 0; h < HOURS; h++) {
    await insertHour(t0 + h * HOUR);
    await keepProbeHistory(t0 + (h + 1) * HOUR + ROLLUP_GRACE_MS);
  }
  const simulatedMs = performance.now() - started;

  const sizes = async (table: string) => {
    const [all] = await q<{ rows: string; total: string }>(`SELECT count(*) AS rows, pg_total_relation_size('"${table}"') AS total FROM "${table}"`);
    const parts = await q<{ name: string; bytes: string }>(`SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes FROM pg_class c WHERE c.oid = '"${table}"'::regclass OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = '"${table}"'::regclass)`);
    const rows = Number(all?.rows ?? 0);
    return { rows, bytes: Number(all?.total ?? 0), perRow: Number(all?.total ?? 0) / Math.max(1, rows), parts: Object.fromEntries(parts.map((p) => [p.name, Math.round((Number(p.bytes) / Math.max(1, rows)) * 10) / 10])) };
  };
  const runs = await sizes("ProbeRun");
  const [column] = await q<{ run: string; day: string }>(`SELECT (SELECT avg(pg_column_size(r.*)) FROM "ProbeRun" r) AS run, (SELECT avg(pg_column_size(d.*)) FROM "ProbeDay" d) AS day`);
  const written = await sizes("ProbeDay");

  // A year of day rows: the whole days the job wrote, copied day by day before them (day after
  // day across every probe, as they are written).
  const [first] = await q<{ day: number }>(`SELECT min((extract(epoch FROM day) * 1000)::float8) AS day FROM "ProbeDay" WHERE array_length(runs, 1) = 24`);
  const firstDay = first?.day ?? t0;
  await q(
    `INSERT INTO "ProbeDay" ("probeId", day, "untimedHours", runs, failures, "withinMs", "withinRuns", down, unknown, slow)
     SELECT d."probeId", d.day - make_interval(days => n), 0, d.runs, d.failures, d."withinMs", d."withinRuns", d.down, d.unknown, d.slow
       FROM generate_series(1, $1::int) n, "ProbeDay" d
      WHERE d.day = timestamp 'epoch' + $2::float8 * interval '1 millisecond'
      ORDER BY n DESC, d."probeId"`,
    [YEAR_DAYS - Number((await q<{ n: string }>(`SELECT count(DISTINCT day) AS n FROM "ProbeDay"`))[0]?.n ?? 0), firstDay],
  );
  const year = await sizes("ProbeDay");
  const daysPerProbe = year.rows / PROBES;
  // Every probe SLO's figures over 30 days with burn rates, as GET /api/v1/slos/availability
  // computes them: from the day rows, and runs only where an hour cannot answer.
  const monthly = async () => {
    const t1 = performance.now();
    const figures = await allSloAvailability({ window: "rolling:30d", incidents: 0 });
    return { slos: figures.total, ms: Math.round(performance.now() - t1) };
  };
  await monthly();
  const figures = await monthly();

  const runsPerProbe = runs.rows / PROBES;
  const runBytes = runsPerProbe * runs.perRow;
  const yearOfHours = YEAR_DAYS * year.perRow;
  const defaultHours = 400 * year.perRow;
  const perProbe = runBytes + yearOfHours;
  const fleet = FLEET * perProbe;
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  console.log(`[probe storage] ${PROBES} probes every ${INTERVAL} s, ${HOURS} hours written and kept by the job in ${(simulatedMs / 1000).toFixed(1)} s`);
  console.log(`  runs:  ${runs.rows} kept (${runsPerProbe.toFixed(0)} a probe: 3 days and the open hour), ${runs.perRow.toFixed(1)} bytes a run with its indexes ${JSON.stringify(runs.parts)}; row alone ${Number(column?.run ?? 0).toFixed(1)}`);
  console.log(`  hours: ${written.rows} day rows written hour by hour, ${written.perRow.toFixed(1)} bytes each; a year copied: ${year.rows} rows (${daysPerProbe.toFixed(0)} a probe), ${year.perRow.toFixed(1)} bytes a day row with its index (${(year.perRow / 24).toFixed(1)} an hour) ${JSON.stringify(year.parts)}; row alone ${Number(column?.day ?? 0).toFixed(1)}`);
  console.log(`  a probe at 30 s: runs ${mb(runBytes)} + a year of hours ${mb(yearOfHours)} = ${mb(perProbe)} (with the default 400 days of hours ${mb(runBytes + defaultHours)})`);
  console.log(`  ${FLEET} probes: ${(fleet / 1e9).toFixed(2)} GB (goal ≤ ${GOAL_BYTES / 1e9} GB with a year of history)`);
  console.log(`  reads: every SLO's 30-day figures with burn rates (${figures.slos} SLOs, ${PROBES * 2} of them on probes) in ${figures.ms} ms`);
  console.log(
    JSON.stringify({
      probes: PROBES,
      intervalSeconds: INTERVAL,
      simulatedHours: HOURS,
      simulatedMs: Math.round(simulatedMs),
      bytesPerRun: Math.round(runs.perRow * 10) / 10,
      runParts: runs.parts,
      runsPerProbe: Math.round(runsPerProbe),
      bytesPerDayRow: Math.round(year.perRow * 10) / 10,
      bytesPerDayRowWrittenHourly: Math.round(written.perRow * 10) / 10,
      dayParts: year.parts,
      perProbeYearBytes: Math.round(perProbe),
      perProbeDefaultBytes: Math.round(runBytes + defaultHours),
      fleetYearBytes: Math.round(fleet),
      fleetDefaultBytes: Math.round(FLEET * (runBytes + defaultHours)),
      goalBytes: GOAL_BYTES,
      monthlyFigures: figures,
    }),
  );
  await pool().end();
} finally {
  await db.stop();
}
