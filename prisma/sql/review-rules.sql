-- A closed review always has what it froze; an open one has nothing frozen (reopening clears it).
ALTER TABLE "Review" ADD CONSTRAINT "Review_closed_has_snapshot" CHECK (
  ("status" = 'closed') = ("closedAt" IS NOT NULL AND "snapshot" IS NOT NULL AND "snapshotAsOf" IS NOT NULL)
);
ALTER TABLE "Review" ADD CONSTRAINT "Review_week_format" CHECK ("week" ~ '^[0-9]{4}-W[0-9]{2}$');
