-- CreateTable
CREATE TABLE "ImpactHour" (
    "serviceId" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "downMs" DOUBLE PRECISION NOT NULL,
    "unplannedMs" DOUBLE PRECISION NOT NULL,
    "maintenanceMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ImpactHour_pkey" PRIMARY KEY ("serviceId","start")
);

-- CreateTable
CREATE TABLE "ImpactDay" (
    "serviceId" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "downMs" DOUBLE PRECISION NOT NULL,
    "unplannedMs" DOUBLE PRECISION NOT NULL,
    "maintenanceMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ImpactDay_pkey" PRIMARY KEY ("serviceId","start")
);

-- CreateTable
CREATE TABLE "ImpactRollupMark" (
    "id" BIGSERIAL NOT NULL,
    "serviceId" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpactRollupMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImpactHour_start_idx" ON "ImpactHour"("start");

-- CreateIndex
CREATE INDEX "ImpactDay_start_idx" ON "ImpactDay"("start");

-- CreateIndex
CREATE INDEX "ImpactRollupMark_serviceId_idx" ON "ImpactRollupMark"("serviceId");

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/impact-rollup.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- Exact rollups (docs/decisions/0029-impact-rollups.md): every change to a closed impact leaves a
-- mark of the range it changed, in the same transaction, so a reader never trusts a rollup that a
-- committed change has made stale. Ongoing impacts are not rolled up: a change to one marks
-- nothing until it closes (then its NEW row is closed and marks its range).
CREATE OR REPLACE FUNCTION "impact_rollup_mark"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Copies of the incident's milestones and labels change no downtime.
  IF TG_OP = 'UPDATE'
     AND OLD."serviceId" = NEW."serviceId"
     AND OLD."effectiveStart" = NEW."effectiveStart"
     AND OLD."effectiveEnd" IS NOT DISTINCT FROM NEW."effectiveEnd"
     AND OLD."fraction" = NEW."fraction"
     AND OLD."kind" = NEW."kind" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."effectiveEnd" IS NOT NULL THEN
    INSERT INTO "ImpactRollupMark" ("serviceId", "from", "to") VALUES (OLD."serviceId", OLD."effectiveStart", OLD."effectiveEnd");
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."effectiveEnd" IS NOT NULL THEN
    INSERT INTO "ImpactRollupMark" ("serviceId", "from", "to") VALUES (NEW."serviceId", NEW."effectiveStart", NEW."effectiveEnd");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Impact_rollup_mark" AFTER INSERT OR UPDATE OR DELETE ON "Impact"
  FOR EACH ROW EXECUTE FUNCTION "impact_rollup_mark"();

-- Existing impacts: one mark per service over all its closed impacts; the job rolls them up.
INSERT INTO "ImpactRollupMark" ("serviceId", "from", "to")
SELECT "serviceId", min("effectiveStart"), max("effectiveEnd") FROM "Impact" WHERE "effectiveEnd" IS NOT NULL GROUP BY "serviceId";

-- The edges of a window are read by overlap with a range: a GiST index on the impact's interval
-- (an open end is an unbounded range) finds them without scanning everything after the window start.
CREATE INDEX "Impact_interval_idx" ON "Impact" USING gist (tsrange("effectiveStart", "effectiveEnd", '[)'));
