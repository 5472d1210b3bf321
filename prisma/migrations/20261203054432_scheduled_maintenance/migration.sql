-- AlterEnum
ALTER TYPE "IncidentStatus" ADD VALUE 'scheduled';

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/scheduled-maintenance.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- Scheduled maintenance (docs/decisions/0027-scheduled-maintenance.md): its resolvedAt is the
-- planned end, so "resolved exactly when resolvedAt is set" holds for every other status. Only
-- maintenance is scheduled. (Compared as text: an enum value added in this same migration may not
-- be used as a literal before the transaction commits.)
ALTER TABLE "Incident" DROP CONSTRAINT "Incident_resolved_status";
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_resolved_status" CHECK (
  "status"::text = 'scheduled' OR ("status" = 'resolved') = ("resolvedAt" IS NOT NULL)
);
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_scheduled_is_maintenance" CHECK (
  "status"::text <> 'scheduled' OR "kind" = 'maintenance'
);
