-- CreateTable
CREATE TABLE "StatusPage" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT NOT NULL DEFAULT 'Status',
    "components" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusPage_pkey" PRIMARY KEY ("id")
);

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/status-notify.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- The status page's snapshot is rebuilt when what it shows changes: every statement that writes
-- an incident, an impact, a timeline entry, a service or the status page's settings tells the
-- listening app processes (LISTEN nines_status). NOTIFY is sent when the transaction commits, and
-- not at all if it rolls back, so a rebuild after the notice sees the change.
CREATE OR REPLACE FUNCTION nines_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('nines_status', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER "Incident_status_notify" AFTER INSERT OR UPDATE OR DELETE ON "Incident" FOR EACH STATEMENT EXECUTE FUNCTION nines_status_changed();
CREATE TRIGGER "Impact_status_notify" AFTER INSERT OR UPDATE OR DELETE ON "Impact" FOR EACH STATEMENT EXECUTE FUNCTION nines_status_changed();
CREATE TRIGGER "TimelineEvent_status_notify" AFTER INSERT OR UPDATE OR DELETE ON "TimelineEvent" FOR EACH STATEMENT EXECUTE FUNCTION nines_status_changed();
CREATE TRIGGER "Service_status_notify" AFTER INSERT OR UPDATE OR DELETE ON "Service" FOR EACH STATEMENT EXECUTE FUNCTION nines_status_changed();
CREATE TRIGGER "StatusPage_status_notify" AFTER INSERT OR UPDATE OR DELETE ON "StatusPage" FOR EACH STATEMENT EXECUTE FUNCTION nines_status_changed();
CREATE TRIGGER "OrganizationSettings_status_notify" AFTER UPDATE ON "OrganizationSettings" FOR EACH STATEMENT EXECUTE FUNCTION nines_status_changed();
