-- No schema changes; appended SQL only.

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/one-open-freeze.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- A service has at most one open freeze (docs/decisions/0031-error-budget-policy.md): two
-- evaluations at once cannot both open one, and a lift always ends the one that holds.
CREATE UNIQUE INDEX "Freeze_one_open_per_service" ON "Freeze" ("serviceId") WHERE "endedAt" IS NULL;
