-- CreateTable
CREATE TABLE "Slo" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sli" JSONB NOT NULL,
    "target" DOUBLE PRECISION,
    "window" TEXT,
    "maintenanceRule" "MaintenanceRule",
    "budgeting" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Slo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Slo_serviceId_name_key" ON "Slo"("serviceId", "name");

-- AddForeignKey
ALTER TABLE "Slo" ADD CONSTRAINT "Slo_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/slo-availability.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- Every service's objective becomes its first SLO, "availability", computed from its incident
-- record (docs/decisions/0021-slo-entity.md): its own target, window and maintenance rule are
-- copied as they are (null still inherits the tier's), so every figure stays what it was.
INSERT INTO "Slo" (id, "serviceId", name, description, sli, target, "window", "maintenanceRule", budgeting, "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, s.id, 'availability', '',
       '{"schemaVersion": 1, "source": "incidents"}'::jsonb,
       s."sloTarget", s."sloWindow", s."maintenanceRule",
       '{"schemaVersion": 1, "method": "time"}'::jsonb,
       s."createdAt", now()
  FROM "Service" s;
