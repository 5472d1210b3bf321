import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./axe";
import { shot } from "./shots";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

async function setup(request: APIRequestContext) {
  const slug = unique("work");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Work ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const inc = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: unique("Cache stampede"), severity: "SEV3", startedAt: new Date(Date.now() - 7_200_000).toISOString(), resolvedAt: new Date(Date.now() - 3_600_000).toISOString(), impacts: [{ service: slug }] } });
  const incident = (await inc.json()) as { reference: string };
  const assessment = { likelihood: "C", consequence: 3 };
  const r = await request.post("/api/v1/risks", { headers: asAdmin, data: { title: unique("Cache cold start"), service: slug, inherent: assessment, current: assessment, target: assessment } });
  const risk = (await r.json()) as { reference: string };
  return { slug, name: `Work ${slug.slice(-6)}`, incident: incident.reference, risk: risk.reference };
}

test("create an action item from the page and find it by owner, service and due date, all in the URL", async ({ page, request }) => {
  const { slug, risk } = await setup(request);
  const owner = unique("owner");
  const title = unique("Add jitter to cache expiry");
  await page.goto("/action-items");
  await hydrated(page);
  await page.getByText("New action item").click();
  const form = page.getByRole("form", { name: "New action item" });
  await form.getByLabel("What must change").fill(title);
  await form.getByLabel("Owner").fill(owner);
  const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel(/^Due \(/).fill(due);
  await form.getByLabel("From risk").fill(risk);
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText(title);

  // Filters live in the URL: owner, service, due date.
  await page.goto(`/action-items?owner=${owner}&service=${slug}&due=7d`);
  await hydrated(page);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: new RegExp(`^${risk} · `) })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText("1 open matching the filters");
  await expect(page.getByLabel("Service")).toHaveValue(slug);
  await expect(page.getByLabel("Due", { exact: true })).toHaveValue("7d");
  await expectAccessible(page, "/action-items filtered at 1280 px");
  await shot(page, "action-items-filtered");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel("Due", { exact: true }).selectOption("overdue");
  await expect(page).toHaveURL(/due=overdue/);
  await expect(page.getByText("No action items match")).toBeVisible();
});

test("change an action item's status inline: done leaves the open list and shows under Done", async ({ page, request }) => {
  const { incident } = await setup(request);
  const owner = unique("owner");
  const title = unique("Add jitter to cache expiry");
  expect((await request.post("/api/v1/action-items", { headers: asAdmin, data: { title, owner, incident } })).status()).toBe(201);
  await page.goto(`/action-items?owner=${owner}`);
  await hydrated(page);

  // Inline status: done, and it leaves the open list for the Done tab.
  await page.getByLabel(`Status of ${title}`).selectOption("done");
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: /^Done/ }).click();
  await expect(page).toHaveURL(/status=done/);
  await expect(page).toHaveURL(new RegExp(`owner=${owner}`));
  const doneRow = page.getByRole("row").filter({ hasText: title });
  await expect(doneRow).toHaveCount(1);
  await expect(page.getByLabel(`Status of ${title}`)).toHaveValue("done");
  // The tabs count what the owner filter matches, not every item in the organisation.
  const tabs = page.getByRole("navigation", { name: "Status" });
  await expect(tabs.getByRole("link", { name: /^Open/ })).toHaveText("Open 0");
  await expect(tabs.getByRole("link", { name: /^Done/ })).toHaveText("Done 1");
  await expect(tabs.getByRole("link", { name: /^All/ })).toHaveText("All 1");
  await expectAccessible(page, "/action-items?status=done");
  await shot(page, "action-items-done");
});

test("an unknown service in the URL is said beside the filter, not a crash or an empty list", async ({ page }) => {
  await page.goto("/action-items?service=no-such-service-here");
  await expect(page.locator("#filter-service-error")).toHaveText("No service has the slug 'no-such-service-here'");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Action items");
});

test("the filtered action-items page passes axe on a phone", async ({ page, request }) => {
  const { slug } = await setup(request);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`/action-items?service=${slug}&due=30d&status=all`);
  await hydrated(page);
  await expectAccessible(page, "/action-items filtered at 390 px");
  await shot(page, "action-items-filtered");
});
