import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, unique } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("an admin maps PagerDuty services and sets its secret, which is never shown again; the API reference lists every route", async ({ page, request }) => {
  const slug = unique("pay");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Pay ${slug.slice(-6)}`, tier: 2 } })).status()).toBe(201);
  await page.goto("/settings/integrations");
  await hydrated(page);
  await expectAccessible(page, "/settings/integrations");
  const services = page.getByLabel("PagerDuty service → Nines service");
  await services.fill("PF9KMXH = no-such-service");
  await page.getByRole("button", { name: "Save integrations" }).click();
  await expect(page.getByText("No service has the slug 'no-such-service'")).toBeVisible();
  await services.fill(`PF9KMXH = ${slug}`);
  await page.getByLabel("Webhook signing secret").fill("whsec_e2e_0123456789abcdefghij");
  await page.getByRole("button", { name: "Save integrations" }).click();
  await expect(page.getByRole("status")).toContainText("not shown again");
  await page.reload();
  await expect(page.getByLabel("Webhook signing secret")).toHaveValue("");
  await expect(page.getByText("A secret is set.")).toBeVisible();
  const stored = await (await request.get("/api/v1/integrations", { headers: asAdmin })).json();
  expect(stored.pagerduty).toEqual({ secretConfigured: true, services: { PF9KMXH: slug } });
  // The integration settings as the other specs found them.
  expect((await request.patch("/api/v1/integrations", { headers: asAdmin, data: { pagerduty: { secret: null, services: {} }, version: stored.version } })).status()).toBe(200);

  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: /POST \/api\/v1\/risks$/ })).toBeVisible();
  await expectAccessible(page, "/api-docs");
});

test("a change of the organisation's settings meanwhile does not make an integrations edit stale", async ({ page, request }) => {
  await page.goto("/settings/integrations");
  await hydrated(page);
  // Someone changes a setting of the organisation (to its own value: other tests read them).
  const settings = await (await request.get("/api/v1/settings", { headers: asAdmin })).json();
  expect((await request.patch("/api/v1/settings", { headers: asAdmin, data: { probeRetentionDays: settings.probeRetentionDays, version: settings.version } })).status()).toBe(200);
  const before = await (await request.get("/api/v1/integrations", { headers: asAdmin })).json();
  await page.getByRole("button", { name: "Save integrations" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  const after = await (await request.get("/api/v1/integrations", { headers: asAdmin })).json();
  expect(after.version).toBe(before.version + 1);
});
