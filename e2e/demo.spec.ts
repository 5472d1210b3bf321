import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";

// Runs against a second, empty installation that e2e/run.ts starts for it (E2E_DEMO_BASE_URL): a
// person evaluating Nines ticks "Fill with a demo organisation" on the setup page and then finds
// every page showing data.

const EVA = { name: "Eva Evaluator", email: "eva@example.test", password: "a long enough passphrase" };

/** Visits `route`: a real page (200, its heading), what `shows` expects of it, and axe at each width. */
async function visit(page: Page, route: string, shows: (page: Page) => Promise<void>, widths = [1280]): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const res = await page.goto(route);
    expect(res?.status(), route).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await shows(page);
    await expectAccessible(page, `${route} at ${width} px`);
  }
}

test("the setup page fills a new installation with the demo organisation; every page then shows its data and passes an axe scan", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/setup");
  await page.getByLabel("Name", { exact: true }).fill(EVA.name);
  await page.getByLabel("Email").fill(EVA.email);
  await page.getByLabel("Password", { exact: true }).fill(EVA.password);
  await page.getByLabel(/confirm/i).fill(EVA.password);
  await page.getByLabel("Fill with a demo organisation").check();
  await expectAccessible(page, "/setup with the demo chosen");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 120_000 });

  const both = [1280, 390];
  await visit(page, "/", async (p) => {
    await expect(p.getByText("1 ongoing incident")).toBeVisible();
    await expect(p.getByText("Services 1–12 of 12")).toBeVisible();
  }, both);
  await visit(page, "/services", async (p) => {
    await expect(p.getByRole("link", { name: "Checkout", exact: true })).toBeVisible();
    await expect(p.getByRole("link", { name: "Merchant reports", exact: true })).toBeVisible();
  });
  await visit(page, "/services/checkout", async (p) => {
    await expect(p.getByRole("heading", { level: 1 })).toContainText("Checkout");
    await expect(p.getByText("Checkout returning errors after a release").first()).toBeVisible();
  });
  await visit(page, "/incidents", async (p) => {
    await expect(p.getByText("Search slow for customers in the north")).toBeVisible();
    await expect(p.getByRole("link", { name: /Card payments timing out/ }).first()).toBeVisible();
  }, both);

  const api = page.request;
  const sev1 = (await (await api.get("/api/v1/incidents?severity=SEV1")).json()).incidents[0] as { reference: string };
  await visit(page, `/incidents/${sev1.reference}`, async (p) => {
    await expect(p.getByRole("heading", { name: "Postmortem" })).toBeVisible();
    await expect(p.getByText("What went wrong")).toBeVisible();
    await expect(p.getByText("Luca Bianchi").first()).toBeVisible();
  });
  await visit(page, "/action-items", async (p) => {
    await expect(p.getByText("Tomás Ferreira").first()).toBeVisible();
  });
  await visit(page, "/reviews", async (p) => {
    await expect(p.getByText("Closed", { exact: true })).toHaveCount(3);
  });
  const weeks = (await (await api.get("/api/v1/reviews")).json()).weeks as { week: string; state: string }[];
  const held = weeks.find((w) => w.state === "closed") as { week: string };
  await visit(page, `/reviews/${held.week}`, async (p) => {
    await expect(p.getByText(/^Closed .* by Priya Raman/)).toBeVisible();
    await expect(p.getByRole("heading", { name: "Notes and decisions" })).toBeVisible();
  }, both);
  await visit(page, "/risks", async (p) => {
    await expect(p.getByRole("link", { name: "A single payment provider" })).toBeVisible();
  }, both);
  const payment = (await (await api.get("/api/v1/risks?q=payment")).json()).risks[0] as { reference: string };
  await visit(page, `/risks/${payment.reference}`, async (p) => {
    await expect(p.getByText("Router work started").first()).toBeVisible();
    await expect(p.getByText("Card payments timing out at the payment provider").first()).toBeVisible();
  });
  await visit(page, "/nines", async (p) => {
    await expect(p.getByRole("table").first()).toBeVisible();
  });
  await visit(page, "/settings/tiers", async (p) => {
    await expect(p.getByText("Critical").first()).toBeVisible();
  });
  await visit(page, "/settings/audit", async (p) => {
    await expect(p.getByText("fill_demo").first()).toBeVisible();
  });
  for (const route of ["/settings", "/settings/users", "/settings/tokens", "/settings/integrations"]) await visit(page, route, async () => {});
});
