import path from "node:path";
import { defineConfig } from "vitest/config";
import { INTEGRATION_WORKERS } from "./tests/support/workers";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          // Pure modules with no state of their own: one module graph in worker threads, not a
          // process per file. 67 files took 116 s on a busy machine that way, 19 s this way.
          pool: "threads",
          isolate: false,
          // npm test runs these beside the browser tests' three servers and four browsers on two
          // CPUs: a property test that takes half a second alone took over five there.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/env.ts"],
          // Files run two at a time, each worker on a throwaway database of its own that its files
          // share one after another (tests/support/workers.ts); each test makes its own data with
          // unique names.
          maxWorkers: INTEGRATION_WORKERS,
          // Its own group: `vitest run` with both projects allows their different maxWorkers.
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
