import { beforeAll, inject } from "vitest";
import { guardOrganisationSettings } from "./settings";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-not-for-production";
process.env.DATABASE_POOL_SIZE ??= "4";

// The app creates the default tiers when it starts (instrumentation.ts); so does every test file
// here, whatever order the files run in.
beforeAll(async () => {
  const { ensureDefaults } = await import("@/lib/server/bootstrap");
  await ensureDefaults();
});

// Every file leaves the organisation's settings as it found them, or fails saying what it changed.
guardOrganisationSettings();
