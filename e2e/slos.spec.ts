import { expect, test } from "@playwright/test";
import { adminToken, HISTORY_FROM, hydrated, unique } from "./fixtures";
import { scanAndShoot } from "./shots";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("an admin adds a Prometheus in Settings: a bad URL is named beside its field; one that does not answer is added and says so", async ({ page }) => {
  await page.goto("/settings/datasources");
  await hydrated(page);
  const name = unique("prom");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("URL").fill("ftp://prometheus");
  await page.getByRole("button", { name: "Add datasource" }).click();
  const url = page.getByLabel("URL");
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`[id="${(await url.getAttribute("aria-describedby"))?.split(" ")[0]}"]`)).toContainText("Must be http or https");

  await url.fill("http://127.0.0.1:1");
  await page.getByLabel("Authentication").selectOption("bearer");
  await page.getByLabel("Bearer token").fill("s3cret");
  await page.getByRole("button", { name: "Add datasource" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} is registered but did not answer`);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Not answering");
  await expect(row).toContainText("bearer token");
  await expect(page.getByText("s3cret")).toHaveCount(0);
  await scanAndShoot(page, "settings-datasources");
});

test("a service's page lists its SLOs, its own first, each with its figures in its own unit", async ({ page, request }) => {
  const slug = unique("slos");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `SLOs ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const weekly = await request.post(`/api/v1/services/${slug}/slos`, { headers: asAdmin, data: { name: "weekly", description: "The week, stricter", target: 0.9999, window: "week", sli: { source: "incidents" } } });
  expect(weekly.status()).toBe(201);
  await page.goto(`/services/${slug}`);
  await hydrated(page);
  const table = page.getByRole("table", { name: "The SLOs of this service, each over its own window" });
  await expect(table.getByRole("rowheader")).toHaveText([/^availabilityTime up, from the incident record/, /^weeklyTime up, from the incident record/]);
  const row = table.getByRole("row").filter({ hasText: "weekly" });
  await expect(row).toContainText("99.99 %");
  await expect(row).toContainText("The week, stricter");
  await expect(row).toContainText("100.0 % left");
  await expect(page.getByText("2 SLOs", { exact: true })).toBeVisible();
  await scanAndShoot(page, "service-slos");
});

test("the trend draws a probe's SLO beside the incident record: chosen in a list, kept in the link, told in words and in the table", async ({ page, request, baseURL }) => {
  const slug = unique("beside");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Beside ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  // The app's own health endpoint, every 10 s: runs arrive while the test looks.
  const probe = await request.post(`/api/v1/services/${slug}/probes`, { headers: asAdmin, data: { url: `${baseURL}/api/health`, intervalSeconds: 10 } });
  expect(probe.status()).toBe(201);
  const slo = await request.post(`/api/v1/services/${slug}/slos`, { headers: asAdmin, data: { name: "health", target: 0.99, sli: { source: "probe", probe: (await probe.json()).id, kind: "success" } } });
  expect(slo.status()).toBe(201);
  await page.goto(`/services/${slug}?bucket=day`);
  await hydrated(page);
  const trend = page.locator("section", { has: page.getByRole("heading", { name: "Availability trend and incidents" }) });
  await trend.getByRole("combobox", { name: "Beside it" }).selectOption({ label: "health (probe)" });
  await expect(page).toHaveURL(/beside=/);
  // Today's bucket holds the probe's runs (once the first has run): the words say what the line shows.
  await expect(async () => {
    await page.reload();
    await hydrated(page);
    await expect(trend.locator("figcaption")).toContainText(/Beside it, health \(measured\): 1 of 1 measured met its 99\s%\starget; lowest 100\.000\s%/);
  }).toPass({ timeout: 30_000 });
  await expect(trend.getByRole("combobox", { name: "Beside it" })).toHaveValue((await slo.json()).id);
  await expect(trend.locator("[data-beside]")).toHaveCount(1);
  await trend.getByRole("button", { name: "Show as a table" }).click();
  await expect(trend.getByRole("columnheader", { name: "health (measured)" })).toBeVisible();
  await expect(trend.getByRole("row").last()).toContainText(/100\.000\s%\s✓/);
  await scanAndShoot(page, "service-trend-beside");
  await trend.getByRole("combobox", { name: "Beside it" }).selectOption({ label: "the incident record only" });
  await expect(page).not.toHaveURL(/beside=/);
  await expect(trend.locator("[data-beside]")).toHaveCount(0);
});
