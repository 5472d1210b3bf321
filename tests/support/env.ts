import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-not-for-production";
process.env.DATABASE_POOL_SIZE ??= "4";
