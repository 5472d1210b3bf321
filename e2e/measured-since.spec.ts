import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminToken, hydrated, unique } from "./fixtures";
import { scanAndShoot } from "./shots";

const asAdmin = { authorization: `Bearer ${adminToken()}` };
const DAY = 86_400_000;

/** A service as a person adds it today: no measuredSince given, so measured from its creation. */
async function serviceCreatedNow(request: APIRequestContext): Promise<{ slug: string; name: string }> {
  const slug = unique("fresh");
  const name = `Fresh ${slug.slice(-6)}`;
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name, tier: 2 } })).status()).toBe(201);
  return { slug, name };
}

/** The ISO week before this one, as the window parameter names it (its Thursday's year and week). */
function lastWeek(): string {
  const d = new Date(Date.now() - 7 * DAY);
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3));
  const dayOfYear = (thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY;
  return `week:${thursday.getUTCFullYear()}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, "0")}`;
}

test("a service created now shows no data for last week, and its trend does not claim 26 met weeks", async ({ page, request }) => {
  const { slug } = await serviceCreatedNow(request);
  await page.goto(`/services/${slug}?window=${lastWeek()}`);
  await hydrated(page);
  await expect(page.locator(".headline-value")).toHaveText("No data");
  await expect(page.getByTestId("no-data")).toContainText("this window lies wholly before it");
  await expect(page.getByText("100 %")).toHaveCount(0);

  const headline = page.locator("figcaption.chart-headline").filter({ hasText: "Availability per week" });
  await expect(headline).toContainText("no data");
  await expect(headline).not.toContainText("26 of 26");
  await expect(page.locator("rect.bucket[data-no-data]")).toHaveCount(25);
  await page.getByRole("button", { name: "Show as a table" }).first().click();
  await expect(page.locator("#trend-table tbody tr").first()).toContainText("no data");
  await scanAndShoot(page, "service-no-data");
});

test("the overview's 26-week sparkline of a service created now counts only its measured week", async ({ page, request }) => {
  const { name } = await serviceCreatedNow(request);
  await page.goto(`/?q=${encodeURIComponent(name)}`);
  await hydrated(page);
  const spark = page.getByRole("img", { name: new RegExp(`^${name}, 26 weeks`) });
  await expect(spark).toHaveAttribute("aria-label", /0 of 1 measured weeks|1 of 1 measured weeks/);
  await expect(spark).not.toHaveAttribute("aria-label", /26 of 26/);
  await scanAndShoot(page, "overview-fresh");
});

test("declaring an incident before the service is measured offers to move it back", async ({ page, request }) => {
  const { slug, name } = await serviceCreatedNow(request);
  await page.goto("/incidents/new");
  await hydrated(page);
  await page.getByLabel("What is happening?").fill(unique("Backfilled outage"));
  await page.getByRole("combobox", { name: "Services hit" }).fill(slug);
  await page.keyboard.press("Enter");
  await page.getByRole("radio", { name: "At…" }).check();
  const twoDaysAgo = new Date(Date.now() - 2 * DAY);
  const local = `${twoDaysAgo.toISOString().slice(0, 10)}T10:00`;
  await page.getByLabel(/^Start \(/).fill(local);
  await page.getByRole("button", { name: "Declare incident" }).last().click();
  const offer = page.getByRole("checkbox", { name: /^Measure from \d{4}-\d{2}-\d{2} \(.+\) instead, so this incident counts$/ });
  await expect(offer).toBeVisible();
  await expect(offer).toBeFocused();
  await expect(page.getByText(`before ${name} is measured`)).toBeVisible();
  await scanAndShoot(page, "declare-offer");
  await offer.check();
  await page.getByRole("button", { name: "Declare incident" }).last().click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);

  const service = await (await request.get(`/api/v1/services/${slug}`, { headers: asAdmin })).json();
  expect(Date.parse(service.measuredSince)).toBeLessThanOrEqual(Date.parse(`${local}:00Z`) + 14 * 3_600_000);
  expect(Date.parse(service.measuredSince)).toBeLessThan(Date.now() - DAY);
});

test("the edit form sets measured-since, and the service page says it", async ({ page, request }) => {
  const { slug } = await serviceCreatedNow(request);
  await page.goto(`/services/${slug}/edit`);
  await hydrated(page);
  const field = page.getByLabel(/^Measured since \(/);
  await expect(field).not.toHaveValue("");
  await scanAndShoot(page, "service-edit");
  await field.fill("2026-01-01T00:00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${slug}$`));
  await expect(page.getByText("Its incident record counts from here")).toBeVisible();
  const after = await (await request.get(`/api/v1/services/${slug}`, { headers: asAdmin })).json();
  expect(after.measuredSince.slice(0, 10)).toMatch(/^2025-12-31|^2026-01-01/);
});

test("moving an incident's start before the service is measured, on the incident page, offers to move it back too", async ({ page, request }) => {
  const { slug, name } = await serviceCreatedNow(request);
  const res = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: unique("Started earlier than logged"), severity: "SEV3", startedAt: new Date(Date.now() + 60_000).toISOString(), impacts: [{ service: slug }] } });
  expect(res.status()).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Edit time (Impact began)" }).click();
  const twoDaysAgo = new Date(Date.now() - 2 * DAY);
  await page.getByLabel(/^Impact began \(/).fill(`${twoDaysAgo.toISOString().slice(0, 10)}T10:00`);
  await page.locator("form.milestone-edit").getByRole("button", { name: "Save", exact: true }).click();
  const offer = page.getByRole("checkbox", { name: /^Measure from \d{4}-\d{2}-\d{2} \(.+\) instead, so this incident counts$/ });
  await expect(offer).toBeFocused();
  await expect(page.getByText(`before ${name} is measured`)).toBeVisible();
  await scanAndShoot(page, "incident-start-offer");
  await offer.check();
  await page.locator("form.milestone-edit").getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("form.milestone-edit")).toHaveCount(0);
  await expect(offer).toHaveCount(0);
  const service = await (await request.get(`/api/v1/services/${slug}`, { headers: asAdmin })).json();
  expect(Date.parse(service.measuredSince)).toBeLessThan(Date.now() - DAY);
});
