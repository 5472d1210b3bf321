-- CreateTable
CREATE TABLE "FigureCache" (
    "key" TEXT NOT NULL,
    "generation" BIGINT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "FigureCache_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "FigureGeneration" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "FigureGeneration_pkey" PRIMARY KEY ("id")
);

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/figure-cache.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- The figures' generation (lib/server/figure-cache.ts): any committed write that can change the
-- all-services summary bumps it in its own transaction, so a cached summary computed before the
-- write is never served after it. Statement triggers: a bulk write bumps once. Updates name their
-- columns, so that the ingestion's and the schedulers' bookkeeping (Slo.nextIngestAt, ...) does
-- not throw the cache away.
INSERT INTO "FigureGeneration" (id, n) VALUES (1, 0) ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION "figures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "FigureGeneration" SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "Impact_figures" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Impact"
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "Incident_figures" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "status", "kind", "startedAt", "detectedAt", "acknowledgedAt", "resolvedAt", "number", "title" ON "Incident"
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "Service_figures" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "slug", "name", "tierId", "archivedAt", "measuredSince" ON "Service"
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "Tier_figures" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "rank", "name", "sloTarget", "sloWindow", "maintenanceRule", "archivedAt" ON "Tier"
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "Slo_figures" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "name", "target", "window", "maintenanceRule", "archivedAt" ON "Slo"
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "OrganizationSettings_figures" AFTER UPDATE OF "timeZone" ON "OrganizationSettings"
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
