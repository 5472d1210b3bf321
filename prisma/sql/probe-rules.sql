-- The probe rules the API enforces, enforced by the database too.
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_interval_range" CHECK ("intervalSeconds" BETWEEN 10 AND 86400);
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_timeout_range" CHECK ("timeoutSeconds" BETWEEN 1 AND 60 AND "timeoutSeconds" <= "intervalSeconds");
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_failures_range" CHECK ("failuresToOpen" BETWEEN 1 AND 100);
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_url_scheme" CHECK ("url" ~* '^https?://');
ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "Settings_probe_retention" CHECK ("probeRetentionDays" BETWEEN 1 AND 3660);
