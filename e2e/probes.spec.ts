import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, unique } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("add a probe to a service from its page; a metadata address is refused beside the field; the service page shows the probe", async ({ page, request, baseURL }) => {
  const slug = unique("edge");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Edge ${slug.slice(-6)}`, tier: 2 } })).status()).toBe(201);
  await page.goto(`/services/${slug}/probes`);
  await hydrated(page);
  await expect(page.getByText("No probes yet")).toBeVisible();
  await expectAccessible(page, "probes page, empty");

  await page.getByLabel("URL").fill("http://169.254.169.254/latest/meta-data/");
  await page.getByRole("button", { name: "Add probe" }).click();
  await expect(page.getByLabel("URL")).toHaveAccessibleDescription(/link-local or cloud-metadata address/);

  // The app's own health endpoint: always up while the test runs.
  await page.getByLabel("URL").fill(`${baseURL}/api/health`);
  await page.getByLabel("Every (seconds)").fill("10");
  await page.getByRole("button", { name: "Add probe" }).click();
  await expect(page.getByRole("status")).toContainText("added");
  const list = page.getByRole("table", { name: "Probes and what they saw" });
  await expect(list).toContainText(`${baseURL}/api/health`);
  // The scheduler runs it within a tick or two; the page shows it up, with its latency.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Probes and what they saw" })).toContainText(" ms");
  }).toPass({ timeout: 15_000 });
  await expectAccessible(page, "probes page");

  await page.goto(`/services/${slug}`);
  const probes = page.locator("section", { has: page.getByRole("heading", { name: "Probes", level: 2 }) });
  await expect(probes).toContainText(`${baseURL}/api/health`);
  await expect(probes).toContainText(/up|unknown/);
});
