import { defineConfig, devices } from "@playwright/test";

// e2e/run.ts starts a throwaway database and the built app, then runs this with E2E_BASE_URL.
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3210";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  // Three lanes: the app's tests one after another (they share one organisation, and some change
  // its settings for a moment), and beside them the demo's pages, two at a time, on their own
  // installation (they only read it). Each lane spends much of its time waiting on a server.
  workers: 3,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    // A trace records every action's DOM and a screencast of every test, kept only when it fails:
    // on two CPUs that recording cost the run minutes. A failure still leaves its screenshot and
    // the page's accessibility snapshot (error-context.md); E2E_TRACE=1 records traces again.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    // Animations (an ongoing incident's pulse, loading shimmers) repaint without end and cost a
    // two-CPU machine's browser its CPU; the app honours prefers-reduced-motion, so nothing
    // tested changes but the motion.
    reducedMotion: "reduce",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /\/setup\.spec\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      name: "app",
      testIgnore: /(setup|demo)\.spec\.ts/,
      dependencies: ["setup"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], channel: undefined, storageState: "test-results/.auth/admin.json" },
    },
    // A second, empty installation (e2e/run.ts starts it), filled with the demo organisation from
    // its setup page. No dependency on "setup": Playwright runs projects in phases by their
    // dependencies, and the demo's pages must land in the app's phase to run beside it, not after.
    {
      name: "demo-setup",
      testMatch: /demo-setup\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: process.env.E2E_DEMO_BASE_URL ?? baseURL },
    },
    {
      name: "demo",
      testMatch: /\/demo\.spec\.ts$/,
      dependencies: ["demo-setup"],
      fullyParallel: true,
      workers: 2,
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: process.env.E2E_DEMO_BASE_URL ?? baseURL },
    },
  ],
});
