import { expect, test } from "@playwright/test";
import { adminToken, unique, HISTORY_FROM } from "./fixtures";

test("the audit trail shows a rename as before and after, and a creation as its values", async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${adminToken()}` },
  });
  const slug = unique("audited");
  const first = unique("Audited before");
  const second = unique("Audited after");
  const created = await admin.post("/api/v1/services", { data: { slug, name: first, tier: 1 } });
  expect(created.status()).toBe(201);
  const { version } = await created.json();
  expect((await admin.patch(`/api/v1/services/${slug}`, { data: { name: second, version } })).status()).toBe(200);

  await page.goto("/settings/audit");
  // Each event links its entity by the name it had after the event.
  const eventOf = (name: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  const update = eventOf(second).filter({ hasText: "update" });
  await update.locator("summary").click();
  const diff = update.locator("table.diff-table");
  await expect(diff.getByRole("columnheader", { name: "Before" })).toBeVisible();
  await expect(diff.getByRole("columnheader", { name: "After" })).toBeVisible();
  const nameRow = diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "name", exact: true }) });
  await expect(nameRow).toContainText(first);
  await expect(nameRow).toContainText(second);

  const create = eventOf(first).filter({ hasText: "create" });
  await create.locator("summary").click();
  await expect(create.locator("table.diff-table").getByRole("columnheader", { name: "Value", exact: true })).toBeVisible();
});

test("an incident's impacts read as a list of services, not raw JSON", async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${adminToken()}` },
  });
  const slugs = [unique("web"), unique("db")];
  for (const slug of slugs) expect((await admin.post("/api/v1/services", { data: { slug, name: slug, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const title = unique("Audited outage");
  const res = await admin.post("/api/v1/incidents", {
    data: { title, severity: "SEV2", startedAt: "2026-05-01T10:00:00Z", resolvedAt: "2026-05-01T11:00:00Z", impacts: [{ service: slugs[0], fraction: 0.25 }, { service: slugs[1] }] },
  });
  expect(res.status()).toBe(201);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/settings/audit?entityType=incident");
  const event = page.getByRole("row").filter({ hasText: title }).filter({ hasText: "create" }).first();
  await event.locator("summary").click();
  const impacts = event.locator("table.diff-table").getByRole("row").filter({ has: page.getByRole("rowheader", { name: "impacts", exact: true }) });
  await expect(impacts.getByRole("listitem")).toHaveCount(2);
  await expect(impacts).toContainText(`${slugs[0]}`);
  await expect(impacts).toContainText("fraction: 0.25");
  await expect(impacts).not.toContainText('{"service"');
});
