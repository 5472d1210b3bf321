-- AlterTable
ALTER TABLE "Impact" ADD COLUMN     "incidentAcknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "incidentDetectedAt" TIMESTAMP(3),
ADD COLUMN     "incidentNumber" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "incidentResolvedAt" TIMESTAMP(3),
ADD COLUMN     "incidentTitle" TEXT NOT NULL DEFAULT '';

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/impact-incident-copies.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- Impact rows also carry their incident's detected / acknowledged / resolved instants (MTTD /
-- MTTA / MTTR) and its number and title (the attribution list), so that the availability of
-- every service comes from the one impact read. The constraint trigger of incident-checks.sql,
-- which keeps an impact's copies of its incident's kind and start equal to the incident's, now
-- checks these copies as well.
CREATE OR REPLACE FUNCTION "impact_inside_incident"() RETURNS trigger LANGUAGE plpgsql AS $$
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
         OR imp."incidentDetectedAt" IS DISTINCT FROM inc."detectedAt"
         OR imp."incidentAcknowledgedAt" IS DISTINCT FROM inc."acknowledgedAt"
         OR imp."incidentResolvedAt" IS DISTINCT FROM inc."resolvedAt"
         OR imp."incidentNumber" <> inc."number"
         OR imp."incidentTitle" <> inc."title"
         OR (inc."resolvedAt" IS NOT NULL AND (imp."effectiveEnd" IS NULL OR imp."effectiveEnd" > inc."resolvedAt"))
         OR (inc."resolvedAt" IS NOT NULL AND imp."effectiveStart" > inc."resolvedAt"))
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'impact % lies outside its incident''s interval or disagrees with its copy of the incident', bad."id" USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;

-- Existing impacts get exact copies; the row-by-row check would only confirm that.
ALTER TABLE "Impact" DISABLE TRIGGER "Impact_inside_incident";
UPDATE "Impact" imp
   SET "incidentDetectedAt" = inc."detectedAt",
       "incidentAcknowledgedAt" = inc."acknowledgedAt",
       "incidentResolvedAt" = inc."resolvedAt",
       "incidentNumber" = inc."number",
       "incidentTitle" = inc."title"
  FROM "Incident" inc
 WHERE inc."id" = imp."incidentId";
ALTER TABLE "Impact" ENABLE TRIGGER "Impact_inside_incident";
