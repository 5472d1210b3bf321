import { defineConfig, devices } from "@playwright/test";
import { AUTH_FILES, READ_LANE } from "./e2e/lanes";

// e2e/run.ts starts a throwaway database and the built app, then runs this with E2E_BASE_URL;
// beside it two more installations of the same build, for the read lane (E2E_READ_BASE_URL) and
// the demo (E2E_DEMO_BASE_URL).
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3210";
const readURL = process.env.E2E_READ_BASE_URL ?? baseURL;
const demoURL = process.env.E2E_DEMO_BASE_URL ?? baseURL;
const chrome = { ...devices["Desktop Chrome"], channel: undefined };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  // Three lanes side by side, each on its own installation (e2e/lanes.ts says which spec runs
  // where): the app's tests one after another (they share one organisation, and some change its
  // settings for a moment); the read lane's, also one after another, on an organisation of their
  // own; and the demo's pages, two at a time. Each lane spends much of its time waiting on a
  // server, so four browsers keep two CPUs busier than three did; the app lane alone was most
  // of the run.
  workers: 4,
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
    // Playwright runs projects in phases by their dependencies: the setups first, then every lane
    // at once. A lane must depend only on its own setup, or it would wait for another lane's phase.
    { name: "setup", testMatch: /\/setup\.spec\.ts$/, use: chrome },
    {
      name: "app",
      // Every spec not given to another lane, so a new spec runs here unless listed in e2e/lanes.ts.
      testIgnore: [/(setup|demo)\.spec\.ts/, READ_LANE],
      dependencies: ["setup"],
      workers: 1,
      use: { ...chrome, storageState: AUTH_FILES.app },
    },
    // The same setup page on the read lane's installation: an admin, and the same API token.
    { name: "read-setup", testMatch: /\/setup\.spec\.ts$/, use: { ...chrome, baseURL: readURL } },
    {
      name: "read",
      testMatch: READ_LANE,
      dependencies: ["read-setup"],
      workers: 1,
      // Mostly a page and two axe scans a test, like the demo's, beside the two other lanes: on a
      // busy two-CPU machine a scan of a service page has taken most of a minute.
      timeout: 120_000,
      use: { ...chrome, baseURL: readURL, storageState: AUTH_FILES.read },
    },
    // A third, empty installation (e2e/run.ts starts it), filled with the demo organisation from
    // its setup page.
    { name: "demo-setup", testMatch: /demo-setup\.spec\.ts/, use: { ...chrome, baseURL: demoURL } },
    {
      name: "demo",
      testMatch: /\/demo\.spec\.ts$/,
      dependencies: ["demo-setup"],
      fullyParallel: true,
      workers: 2,
      use: { ...chrome, baseURL: demoURL },
    },
  ],
});
