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
