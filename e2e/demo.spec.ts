import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";

// Runs against an installation that e2e/run.ts starts for it (E2E_DEMO_BASE_URL), filled
// from its setup page with the demo organisation (e2e/demo-setup.spec.ts): a person evaluating
// Nines finds every page showing data. One test per page, signed in as the admin setup made.

// Made by e2e/demo-setup.spec.ts (the "demo-setup" project, which runs first).
const SIGNED_IN = "test-results/.auth/demo-admin.json";
const EVA = { email: "eva@example.test" };

// The pages only read the demo: two at a time (playwright.config.ts gives this project two
// workers beside the app's lane). Generous: on a busy machine an axe scan of the incidents page
// has taken over a minute.
test.describe.configure({ mode: "parallel", timeout: 240_000 });

/** Where a page's data is only known once the demo exists: read through the API, as its admin. */
const first = async (api: APIRequestContext, route: string, list: string) => ((await (await api.get(route)).json()) as Record<string, { [key: string]: string }[]>)[list]?.[0] ?? {};

// Each page at 1280 px and at 390 px, with the demo's data.
const PAGES: { name?: string; route: string | ((api: APIRequestContext) => Promise<string>); shows: (page: Page) => Promise<void> }[] = [
  {
    route: "/",
    shows: async (p) => {
      await expect(p.getByText("1 ongoing incident")).toBeVisible();
      await expect(p.getByText("Services 1–12 of 12")).toBeVisible();
    },
  },
  { route: "/services", shows: (p) => expect(p.getByRole("link", { name: "Merchant reports", exact: true })).toBeVisible() },
  {
    route: "/services/checkout",
    shows: async (p) => {
      await expect(p.getByText("Checkout returning errors after a release").filter({ visible: true }).first()).toBeVisible();
      await expect(p.getByText("health-check").filter({ visible: true }).first()).toBeVisible();
    },
  },
  {
    route: "/incidents",
    shows: async (p) => {
      await expect(p.getByText("Search slow for customers in the north")).toBeVisible();
      await expect(p.getByRole("link", { name: /Card payments timing out/ }).first()).toBeVisible();
    },
  },
  {
    name: "a SEV1 incident",
    route: async (api) => `/incidents/${(await first(api, "/api/v1/incidents?severity=SEV1", "incidents")).reference}`,
    shows: async (p) => {
      await expect(p.getByRole("heading", { name: "Postmortem" })).toBeVisible();
      await expect(p.getByText("What went wrong")).toBeVisible();
    },
  },
  { route: "/action-items", shows: (p) => expect(p.getByText("Tomás Ferreira").first()).toBeVisible() },
  { route: "/reviews", shows: (p) => expect(p.getByText("Closed", { exact: true })).toHaveCount(3) },
  {
    name: "a closed review",
    route: async (api) => {
      const weeks = ((await (await api.get("/api/v1/reviews")).json()) as { weeks: { week: string; state: string }[] }).weeks;
      return `/reviews/${weeks.find((w) => w.state === "closed")?.week}`;
    },
    shows: async (p) => {
      await expect(p.getByText(/^Closed .* by Priya Raman/)).toBeVisible();
      await expect(p.getByRole("heading", { name: "Notes and decisions" })).toBeVisible();
    },
  },
  { route: "/risks", shows: (p) => expect(p.getByRole("link", { name: /A single payment provider/ }).first()).toBeVisible() },
  {
    name: "a risk",
    route: async (api) => `/risks/${(await first(api, "/api/v1/risks?q=payment", "risks")).reference}`,
    shows: async (p) => {
      await expect(p.getByText("Router work started").first()).toBeVisible();
      await expect(p.getByText("Card payments timing out at the payment provider").first()).toBeVisible();
    },
  },
  { route: "/nines", shows: (p) => expect(p.getByRole("table").first()).toBeVisible() },
  { route: "/settings", shows: (p) => expect(p.getByText("UTC").first()).toBeVisible() },
  { route: "/settings/tiers", shows: (p) => expect(p.getByText("Critical").first()).toBeVisible() },
  // Only the admin who set it up: the demo's people have no accounts (decision 0014).
  { route: "/settings/users", shows: (p) => expect(p.getByRole("main").getByText(EVA.email)).toHaveCount(1) },
  { route: "/settings/audit", shows: (p) => expect(p.getByText("fill_demo").first()).toBeVisible() },
  // Measured SLOs: two paused probes with three months of runs.
  { route: "/services/search", shows: (p) => expect(p.getByText("search-under-400ms").filter({ visible: true }).first()).toBeVisible() },
  {
    route: "/services/checkout/probes",
    shows: async (p) => {
      await expect(p.getByText("checkout.shop.example").first()).toBeVisible();
      await expect(p.getByText(/disabled/).first()).toBeVisible();
    },
  },
  { route: "/services/checkout/edit", shows: (p) => expect(p.getByLabel("Name", { exact: true })).toHaveValue("Checkout") },
  { route: "/services/new", shows: (p) => expect(p.getByLabel("Slug")).toBeVisible() },
  { route: "/incidents/new", shows: (p) => expect(p.getByLabel("What is happening?")).toBeVisible() },
  { route: "/risks/new", shows: (p) => expect(p.getByLabel("Title")).toBeVisible() },
  {
    name: "a risk's edit form",
    route: async (api) => `/risks/${(await first(api, "/api/v1/risks?q=payment", "risks")).reference}/edit`,
    shows: (p) => expect(p.getByLabel("Title")).toHaveValue("A single payment provider"),
  },
  {
    name: "a tier",
    route: async (api) => `/settings/tiers/${(await first(api, "/api/v1/tiers", "tiers")).id}`,
    shows: (p) => expect(p.getByLabel("Name", { exact: true })).not.toHaveValue(""),
  },
  { route: "/settings/tokens", shows: (p) => expect(p.getByRole("main")).toContainText(/token/i) },
  { route: "/settings/integrations", shows: (p) => expect(p.getByRole("main")).toContainText("Alertmanager") },
  // The demo's Prometheus (its history is Nines' own; the server itself never answers).
  { route: "/settings/datasources", shows: (p) => expect(p.getByText("prometheus-main")).toBeVisible() },
  { route: "/settings/notifications", shows: (p) => expect(p.getByText("No channels yet")).toBeVisible() },
  { route: "/settings/status-page", shows: (p) => expect(p.getByLabel("Components")).toHaveValue(/^Checkout and payments = /) },
  { route: "/status", shows: (p) => expect(p.getByRole("heading", { name: "Checkout and payments", exact: true })).toBeVisible() },
  { route: "/api-docs", shows: (p) => expect(p.getByText("/api/v1/incidents").first()).toBeVisible() },
];

test.describe("signed in to the demo organisation", () => {
  test.use({ storageState: SIGNED_IN });
  for (const { name, route, shows } of PAGES) {
    test(`${name ?? route} shows its data, fits 1280 px and passes an axe scan at 1280 and 390 px`, async ({ page }) => {
      const path = typeof route === "string" ? route : await route(page.request);
      await page.setViewportSize({ width: 1280, height: 900 });
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shows(page);
      // Nothing wider than the window at 1280 px, with the demo's real names and figures.
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${path} scrolls sideways at 1280 px`).toBeLessThanOrEqual(client);
      await expectAccessible(page, path);
      // The phone layout is the same page under other CSS: a resize shows it.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, `${path} at 390 px`);
    });
  }
});
