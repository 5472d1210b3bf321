-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'editor', 'admin');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5');

-- CreateEnum
CREATE TYPE "IncidentKind" AS ENUM ('unplanned', 'maintenance');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('investigating', 'identified', 'monitoring', 'resolved');

-- CreateEnum
CREATE TYPE "MaintenanceRule" AS ENUM ('count', 'exclude');

-- CreateEnum
CREATE TYPE "TimelineEventType" AS ENUM ('detected', 'acknowledged', 'update', 'status_change', 'mitigated', 'resolved', 'note');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('open', 'done', 'wont_do');

-- CreateEnum
CREATE TYPE "Likelihood" AS ENUM ('A', 'B', 'C', 'D', 'E');

-- CreateEnum
CREATE TYPE "RiskTreatment" AS ENUM ('mitigate', 'accept', 'avoid', 'transfer');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('open', 'closed');

-- CreateTable
CREATE TABLE "OrganizationSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'Nines',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "riskThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.25,
    "riskReviewCadence" JSONB,
    "initializedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "passwordHash" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tier" (
    "id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sloTarget" DOUBLE PRECISION NOT NULL,
    "sloWindow" TEXT NOT NULL DEFAULT 'rolling:30d',
    "maintenanceRule" "MaintenanceRule" NOT NULL DEFAULT 'count',
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerTeam" TEXT NOT NULL DEFAULT '',
    "tierId" TEXT NOT NULL,
    "sloTarget" DOUBLE PRECISION,
    "sloWindow" TEXT,
    "maintenanceRule" "MaintenanceRule",
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceDependency" (
    "serviceId" TEXT NOT NULL,
    "dependsOnId" TEXT NOT NULL,

    CONSTRAINT "ServiceDependency_pkey" PRIMARY KEY ("serviceId","dependsOnId")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "kind" "IncidentKind" NOT NULL DEFAULT 'unplanned',
    "status" "IncidentStatus" NOT NULL DEFAULT 'investigating',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "detectedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "mitigatedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "summary" TEXT NOT NULL DEFAULT '',
    "rootCause" TEXT NOT NULL DEFAULT '',
    "postmortem" TEXT NOT NULL DEFAULT '',
    "source" TEXT,
    "externalId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Impact" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "fraction" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "kind" "IncidentKind" NOT NULL,
    "incidentStartedAt" TIMESTAMP(3) NOT NULL,
    "effectiveStart" TIMESTAMP(3) NOT NULL,
    "effectiveEnd" TIMESTAMP(3),

    CONSTRAINT "Impact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "type" "TimelineEventType" NOT NULL,
    "message" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimelineEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT '',
    "dueDate" DATE,
    "status" "ActionItemStatus" NOT NULL DEFAULT 'open',
    "incidentId" TEXT,
    "riskId" TEXT,
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "cause" TEXT NOT NULL DEFAULT '',
    "event" TEXT NOT NULL DEFAULT '',
    "consequence" TEXT NOT NULL DEFAULT '',
    "serviceId" TEXT,
    "owner" TEXT NOT NULL DEFAULT '',
    "identifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "inherentLikelihood" "Likelihood" NOT NULL,
    "inherentConsequence" INTEGER NOT NULL,
    "currentLikelihood" "Likelihood" NOT NULL,
    "currentConsequence" INTEGER NOT NULL,
    "targetLikelihood" "Likelihood" NOT NULL,
    "targetConsequence" INTEGER NOT NULL,
    "treatment" "RiskTreatment" NOT NULL DEFAULT 'mitigate',
    "acceptedBy" TEXT,
    "acceptedUntil" TIMESTAMP(3),
    "monitoringDetects" BOOLEAN,
    "mitigationPlan" TEXT NOT NULL DEFAULT '',
    "status" "RiskStatus" NOT NULL DEFAULT 'open',
    "lastReviewedAt" TIMESTAMP(3),
    "reviewDueAt" TIMESTAMP(3),
    "ettdMinutes" DOUBLE PRECISION,
    "ettrMinutes" DOUBLE PRECISION,
    "ettfDays" DOUBLE PRECISION,
    "impactFraction" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskIncident" (
    "riskId" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,

    CONSTRAINT "RiskIncident_pkey" PRIMARY KEY ("riskId","incidentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_at_idx" ON "AuditEvent"("entityType", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Tier_rank_key" ON "Tier"("rank");

-- CreateIndex
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");

-- CreateIndex
CREATE INDEX "Service_tierId_idx" ON "Service"("tierId");

-- CreateIndex
CREATE INDEX "ServiceDependency_dependsOnId_idx" ON "ServiceDependency"("dependsOnId");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");

-- CreateIndex
CREATE INDEX "Incident_startedAt_idx" ON "Incident"("startedAt");

-- CreateIndex
CREATE INDEX "Incident_resolvedAt_idx" ON "Incident"("resolvedAt");

-- CreateIndex
CREATE INDEX "Incident_severity_startedAt_idx" ON "Incident"("severity", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_source_externalId_key" ON "Incident"("source", "externalId");

-- CreateIndex
CREATE INDEX "Impact_serviceId_effectiveEnd_idx" ON "Impact"("serviceId", "effectiveEnd");

-- CreateIndex
CREATE INDEX "Impact_effectiveEnd_idx" ON "Impact"("effectiveEnd");

-- CreateIndex
CREATE UNIQUE INDEX "Impact_incidentId_serviceId_key" ON "Impact"("incidentId", "serviceId");

-- CreateIndex
CREATE INDEX "TimelineEvent_incidentId_at_idx" ON "TimelineEvent"("incidentId", "at");

-- CreateIndex
CREATE INDEX "ActionItem_incidentId_idx" ON "ActionItem"("incidentId");

-- CreateIndex
CREATE INDEX "ActionItem_riskId_idx" ON "ActionItem"("riskId");

-- CreateIndex
CREATE INDEX "ActionItem_status_dueDate_idx" ON "ActionItem"("status", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Risk_number_key" ON "Risk"("number");

-- CreateIndex
CREATE INDEX "Risk_serviceId_idx" ON "Risk"("serviceId");

-- CreateIndex
CREATE INDEX "Risk_reviewDueAt_idx" ON "Risk"("reviewDueAt");

-- CreateIndex
CREATE INDEX "RiskIncident_incidentId_idx" ON "RiskIncident"("incidentId");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDependency" ADD CONSTRAINT "ServiceDependency_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDependency" ADD CONSTRAINT "ServiceDependency_dependsOnId_fkey" FOREIGN KEY ("dependsOnId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Impact" ADD CONSTRAINT "Impact_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Impact" ADD CONSTRAINT "Impact_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEvent" ADD CONSTRAINT "TimelineEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEvent" ADD CONSTRAINT "TimelineEvent_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskIncident" ADD CONSTRAINT "RiskIncident_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskIncident" ADD CONSTRAINT "RiskIncident_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/incident-checks.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
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
-- start agree with it. This spans two tables, so a CHECK cannot
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
