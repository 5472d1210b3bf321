-- CreateEnum
CREATE TYPE "ProbeMethod" AS ENUM ('GET', 'HEAD');

-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "probeRetentionDays" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "Probe" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "method" "ProbeMethod" NOT NULL DEFAULT 'GET',
    "intervalSeconds" INTEGER NOT NULL,
    "timeoutSeconds" INTEGER NOT NULL DEFAULT 10,
    "expectedStatus" TEXT NOT NULL DEFAULT '200-299',
    "expectText" TEXT,
    "failuresToOpen" INTEGER NOT NULL DEFAULT 3,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastRunAt" TIMESTAMP(3),
    "lastOk" BOOLEAN,
    "lastStatus" INTEGER,
    "lastLatencyMs" INTEGER,
    "lastError" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "firstFailureAt" TIMESTAMP(3),
    "openIncidentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Probe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeRun" (
    "id" BIGSERIAL NOT NULL,
    "probeId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "status" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "textMatched" BOOLEAN,
    "error" TEXT,

    CONSTRAINT "ProbeRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Probe_serviceId_idx" ON "Probe"("serviceId");

-- CreateIndex
CREATE INDEX "Probe_enabled_nextRunAt_idx" ON "Probe"("enabled", "nextRunAt");

-- CreateIndex
CREATE INDEX "ProbeRun_probeId_at_idx" ON "ProbeRun"("probeId", "at");

-- CreateIndex
CREATE INDEX "ProbeRun_at_idx" ON "ProbeRun"("at");

-- AddForeignKey
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeRun" ADD CONSTRAINT "ProbeRun_probeId_fkey" FOREIGN KEY ("probeId") REFERENCES "Probe"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/probe-rules.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- The probe rules the API enforces, enforced by the database too.
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_interval_range" CHECK ("intervalSeconds" BETWEEN 10 AND 86400);
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_timeout_range" CHECK ("timeoutSeconds" BETWEEN 1 AND 60 AND "timeoutSeconds" <= "intervalSeconds");
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_failures_range" CHECK ("failuresToOpen" BETWEEN 1 AND 100);
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_url_scheme" CHECK ("url" ~* '^https?://');
ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "Settings_probe_retention" CHECK ("probeRetentionDays" BETWEEN 1 AND 3660);
