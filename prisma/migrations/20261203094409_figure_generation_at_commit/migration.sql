-- No schema changes; appended SQL only.

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/figure-generation-at-commit.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- The figures' generation is bumped at commit, once per transaction (lib/server/figure-cache.ts).
-- The statement triggers of figure-cache.sql bumped it at the first figure-changing statement and
-- so held its one row locked for the rest of the writing transaction: every other writer queued
-- behind it, and one that had locked an incident first could deadlock with it. Deferred to commit,
-- the row is held only while the transaction commits. Correctness is unchanged: the bump commits
-- with the write, so a computation that read the generation before it cannot have seen the write.
DROP TRIGGER "Impact_figures" ON "Impact";
DROP TRIGGER "Incident_figures" ON "Incident";
DROP TRIGGER "Service_figures" ON "Service";
DROP TRIGGER "Tier_figures" ON "Tier";
DROP TRIGGER "Slo_figures" ON "Slo";
DROP TRIGGER "OrganizationSettings_figures" ON "OrganizationSettings";

CREATE OR REPLACE FUNCTION "figures_changed_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction: the first row's trigger bumps, the others find the flag it set.
  IF current_setting('nines.figures_bumped', true) IS NOT DISTINCT FROM txid_current()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('nines.figures_bumped', txid_current()::text, true);
  UPDATE "FigureGeneration" SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Impact_figures" AFTER INSERT OR UPDATE OR DELETE ON "Impact"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "figures_changed_at_commit"();
CREATE CONSTRAINT TRIGGER "Incident_figures" AFTER INSERT OR DELETE OR UPDATE OF "status", "kind", "startedAt", "detectedAt", "acknowledgedAt", "resolvedAt", "number", "title" ON "Incident"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "figures_changed_at_commit"();
CREATE CONSTRAINT TRIGGER "Service_figures" AFTER INSERT OR DELETE OR UPDATE OF "slug", "name", "tierId", "archivedAt", "measuredSince" ON "Service"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "figures_changed_at_commit"();
CREATE CONSTRAINT TRIGGER "Tier_figures" AFTER INSERT OR DELETE OR UPDATE OF "rank", "name", "sloTarget", "sloWindow", "maintenanceRule", "archivedAt" ON "Tier"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "figures_changed_at_commit"();
CREATE CONSTRAINT TRIGGER "Slo_figures" AFTER INSERT OR DELETE OR UPDATE OF "name", "target", "window", "maintenanceRule", "archivedAt" ON "Slo"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "figures_changed_at_commit"();
CREATE CONSTRAINT TRIGGER "OrganizationSettings_figures" AFTER UPDATE OF "timeZone" ON "OrganizationSettings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "figures_changed_at_commit"();
-- Constraint triggers cannot fire on TRUNCATE (tests and restores use it): those stay per statement.
CREATE TRIGGER "Impact_figures_truncate" AFTER TRUNCATE ON "Impact" FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "Incident_figures_truncate" AFTER TRUNCATE ON "Incident" FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "Service_figures_truncate" AFTER TRUNCATE ON "Service" FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "Tier_figures_truncate" AFTER TRUNCATE ON "Tier" FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
CREATE TRIGGER "Slo_figures_truncate" AFTER TRUNCATE ON "Slo" FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
