-- DropIndex
DROP INDEX "ProbeRun_at_idx";

-- DropIndex
DROP INDEX "ProbeRun_probeId_at_idx";

-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "probeHourRetentionDays" INTEGER NOT NULL DEFAULT 400,
ALTER COLUMN "probeRetentionDays" SET DEFAULT 3;

-- CreateTable
CREATE TABLE "ProbeDay" (
    "probeId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "untimedHours" SMALLINT NOT NULL DEFAULT 0,
    "runs" SMALLINT[],
    "failures" SMALLINT[],
    "withinMs" INTEGER[],
    "withinRuns" SMALLINT[],
    "down" INTEGER[],
    "unknown" INTEGER[],
    "slow" INTEGER[],

    CONSTRAINT "ProbeDay_pkey" PRIMARY KEY ("probeId","day")
);

-- AddForeignKey
ALTER TABLE "ProbeDay" ADD CONSTRAINT "ProbeDay_probeId_fkey" FOREIGN KEY ("probeId") REFERENCES "Probe"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/probe-days.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- Probe history that fits (docs/decisions/0030-probe-history-that-fits.md).

-- The runs' index: by probe and hour, an expression schema.prisma cannot declare. Runs are written
-- in time order across every probe, so an index on ("probeId", at) splits its pages in half and
-- leaves them so: 104 bytes a run. Here the runs of a probe's hour share one key, which PostgreSQL
-- deduplicates into one posting list: about 12 bytes a run. Readers name the hour beside the time
-- (lib/server/probe-history.ts); a read by probe alone uses it too.
CREATE INDEX "ProbeRun_probeId_hour_idx" ON "ProbeRun" ("probeId", date_trunc('hour', "at"));

-- The hours kept so far (ProbeHour rows) become day rows: their counts as they were, untimed (where
-- in an hour things were was not kept), each hour's unknown time written at its start. An hour
-- without a row before rolledTo is one nothing ran in or covered.
WITH hours AS (
  SELECT h."probeId", date_trunc('day', h.start) AS day, h.start, h."withinMs" FROM "ProbeHour" h
), days AS (
  SELECT x."probeId",
         x.day,
         LEAST(24, CEIL(EXTRACT(EPOCH FROM (COALESCE(p."rolledTo", max(x.start) + interval '1 hour') - x.day)) / 3600))::int AS n,
         (SELECT COALESCE(array_agg(DISTINCT t ORDER BY t), '{}')
            FROM hours y, unnest(y."withinMs") t
           WHERE y."probeId" = x."probeId" AND y.day = x.day) AS thresholds
    FROM hours x JOIN "Probe" p ON p.id = x."probeId"
   GROUP BY x."probeId", x.day, p."rolledTo"
)
INSERT INTO "ProbeDay" ("probeId", day, "untimedHours", runs, failures, "withinMs", "withinRuns", down, unknown, slow)
SELECT d."probeId", d.day, d.n,
       ARRAY(SELECT COALESCE(h.runs, 0) FROM generate_series(0, d.n - 1) i
               LEFT JOIN "ProbeHour" h ON h."probeId" = d."probeId" AND h.start = d.day + i * interval '1 hour' ORDER BY i),
       ARRAY(SELECT COALESCE(h.failures, 0) FROM generate_series(0, d.n - 1) i
               LEFT JOIN "ProbeHour" h ON h."probeId" = d."probeId" AND h.start = d.day + i * interval '1 hour' ORDER BY i),
       d.thresholds,
       ARRAY(SELECT CASE WHEN i >= d.n THEN -1
                         WHEN h."probeId" IS NULL THEN 0
                         ELSE COALESCE(h."withinRuns"[array_position(h."withinMs", t.ms)], -1) END
               FROM unnest(d.thresholds) WITH ORDINALITY t(ms, k)
               CROSS JOIN generate_series(0, 23) i
               LEFT JOIN "ProbeHour" h ON h."probeId" = d."probeId" AND h.start = d.day + i * interval '1 hour'
              ORDER BY t.k, i),
       '{}',
       ARRAY(SELECT u.v FROM generate_series(0, d.n - 1) i
               LEFT JOIN "ProbeHour" h ON h."probeId" = d."probeId" AND h.start = d.day + i * interval '1 hour'
               CROSS JOIN LATERAL unnest(ARRAY[i * 3600000, i * 3600000 + round(COALESCE(h."unknownSeconds", 3600) * 1000)::int]) WITH ORDINALITY u(v, j)
              WHERE COALESCE(h."unknownSeconds", 3600) > 0
              ORDER BY i, u.j),
       '{}'
  FROM days d;
