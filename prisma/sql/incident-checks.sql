-- Rules schema.prisma cannot express (Prisma has no CHECK constraints). The API validates the
-- same rules first and answers 400; these keep any other writer from storing nonsense.

-- started <= detected <= acknowledged <= mitigated <= resolved, skipping absent milestones
-- (GREATEST ignores NULLs in PostgreSQL).
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_milestones_ordered" CHECK (
  ("detectedAt" IS NULL OR "detectedAt" >= "startedAt")
  AND ("acknowledgedAt" IS NULL OR "acknowledgedAt" >= GREATEST("startedAt", "detectedAt"))
  AND ("mitigatedAt" IS NULL OR "mitigatedAt" >= GREATEST("startedAt", "detectedAt", "acknowledgedAt"))
  AND ("resolvedAt" IS NULL OR "resolvedAt" >= GREATEST("startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt"))
);

ALTER TABLE "Incident" ADD CONSTRAINT "Incident_resolved_status" CHECK (
  ("status" = 'resolved') = ("resolvedAt" IS NOT NULL)
);

ALTER TABLE "Impact" ADD CONSTRAINT "Impact_fraction_range" CHECK ("fraction" > 0 AND "fraction" <= 1);

ALTER TABLE "Impact" ADD CONSTRAINT "Impact_interval_ordered" CHECK (
  ("effectiveEnd" IS NULL OR "effectiveEnd" >= "effectiveStart")
  AND ("endedAt" IS NULL OR "startedAt" IS NULL OR "endedAt" >= "startedAt")
);

-- An impact's own interval lies inside its incident's, and its copies of the incident's kind and
-- start agree with it. (impact-incident-copies.sql, a later migration, replaces this function to
-- check the copies added then as well.) This spans two tables, so a CHECK cannot
-- say it; a constraint trigger checked at commit sees the incident and its impacts together.
CREATE FUNCTION "impact_inside_incident"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE target text; bad record;
BEGIN
  -- Separate branches: a record's missing field is an error even in an untaken CASE arm.
  IF TG_TABLE_NAME = 'Incident' THEN target := NEW."id"; ELSE target := NEW."incidentId"; END IF;
  SELECT imp."id" INTO bad
  FROM "Impact" imp JOIN "Incident" inc ON inc."id" = imp."incidentId"
  WHERE imp."incidentId" = target
    AND (imp."effectiveStart" < inc."startedAt"
         OR imp."incidentStartedAt" <> inc."startedAt"
         OR imp."kind" <> inc."kind"
         OR (inc."resolvedAt" IS NOT NULL AND (imp."effectiveEnd" IS NULL OR imp."effectiveEnd" > inc."resolvedAt"))
         OR (inc."resolvedAt" IS NOT NULL AND imp."effectiveStart" > inc."resolvedAt"))
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'impact % lies outside its incident''s interval', bad."id" USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Impact_inside_incident" AFTER INSERT OR UPDATE ON "Impact"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "impact_inside_incident"();
CREATE CONSTRAINT TRIGGER "Incident_contains_impacts" AFTER UPDATE ON "Incident"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "impact_inside_incident"();
