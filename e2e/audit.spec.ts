import { expect, test } from "@playwright/test";
import { adminToken, unique } from "./fixtures";

test("the audit trail shows a rename as before and after, and a creation as its values", async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${adminToken()}` },
  });
  const slug = unique("audited");
  const first = unique("Audited before");
  const second = unique("Audited after");
  expect((await admin.post("/api/v1/services", { data: { slug, name: first, tier: 1 } })).status()).toBe(201);
  expect((await admin.patch(`/api/v1/services/${slug}`, { data: { name: second } })).status()).toBe(200);

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
