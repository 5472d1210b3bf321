-- A service has at most one open freeze (docs/decisions/0031-error-budget-policy.md): two
-- evaluations at once cannot both open one, and a lift always ends the one that holds.
CREATE UNIQUE INDEX "Freeze_one_open_per_service" ON "Freeze" ("serviceId") WHERE "endedAt" IS NULL;
