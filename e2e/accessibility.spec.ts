import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test.describe("every page passes an axe scan, signed in as an admin, on a desktop and on a phone", () => {
  const slug = unique("axe");
  let tierId = "";
  let incidentRef = "";
  test.beforeAll(async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: asAdmin });
    expect((await api.post("/api/v1/services", { data: { slug, name: `Axe ${slug}`, tier: 1, description: "Scanned", measuredSince: HISTORY_FROM } })).status()).toBe(201);
    tierId = ((await (await api.get("/api/v1/tiers")).json()).tiers as { id: string }[])[0]?.id ?? "";
    const incident = await api.post("/api/v1/incidents", {
      data: { title: "Axe outage", severity: "SEV2", startedAt: new Date(Date.now() - 3_600_000).toISOString(), impacts: [{ service: slug, fraction: 0.5 }], postmortem: "## Timeline\n- 10:00 paged" },
    });
    incidentRef = (await incident.json()).reference;
    await api.post("/api/v1/action-items", { data: { title: "Add a canary", owner: "sre", dueDate: "2020-01-01", incident: incidentRef } });
    await api.dispose();
  });
  const pages = ["/", "/services", "/services/new", "/services/:slug", "/services/:slug/edit", "/incidents", "/incidents/new", "/incidents/:incident", "/action-items", "/reviews", "/risks", "/settings", "/settings/tiers", "/settings/tiers/:tier", "/settings/users", "/settings/tokens", "/settings/audit"];
  for (const pattern of pages) {
    test(pattern, async ({ page }) => {
      const route = pattern.replace(":slug", slug).replace(":tier", tierId).replace(":incident", incidentRef);
      // One load, two widths: the phone layout is the same page under other CSS, so a resize shows it.
      await page.setViewportSize({ width: 1280, height: 900 });
      const res = await page.goto(route);
      expect(res?.status(), route).toBe(200);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectAccessible(page, `${route} at ${width} px`);
      }
    });
  }
});

test("the sign-in page passes an axe scan", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await expectAccessible(page, "/login");
  await context.close();
});

test("at 1280 px no page scrolls sideways and the navigation stays in view, the API tokens page with long names included", async ({ page, request }) => {
  const long = `${unique("deploy-pipeline")}-${"x".repeat(80)}`.slice(0, 120);
  expect((await request.post("/api/v1/tokens", { headers: asAdmin, data: { name: long, role: "viewer", expiresInDays: 30 } })).status()).toBe(201);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const route of ["/settings/tokens", "/settings/users", "/settings/audit", "/services", "/settings/tiers"]) {
    await page.goto(route);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, `${route} scrolls sideways`).toBeLessThanOrEqual(client);
    const nav = await page.getByRole("navigation", { name: "Main" }).boundingBox();
    expect(nav?.x ?? -1, route).toBeGreaterThanOrEqual(0);
  }
});
