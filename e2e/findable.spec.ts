// Issue 19 item 10: the nines calculator is in the navigation, the declare shortcut is on its
// button, and the audit trail names entities by reference with links and filters by actor and entity.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("the nines calculator is in the navigation, and the declare button shows its shortcut", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Nines calculator" }).click();
  await expect(page).toHaveURL(/\/nines$/);
  await expect(nav.getByRole("link", { name: "Nines calculator" })).toHaveAttribute("aria-current", "page");

  const declare = page.getByRole("link", { name: "Declare incident", exact: true });
  await expect(declare).toHaveAttribute("aria-keyshortcuts", "Alt+Shift+D");
  await expect(declare.locator("kbd")).toHaveText(["Alt", "Shift", "D"]);
  await hydrated(page);
  await page.keyboard.press("Alt+Shift+D");
  await expect(page).toHaveURL(/\/incidents\/new$/);

  // On a phone the calculator is behind the menu like the rest.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await hydrated(page);
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Nines calculator" })).toBeVisible();
  await expectAccessible(page, "the open menu at 390 px");
});

test("the audit trail names entities by reference with links, and filters by actor and entity in the URL", async ({ page, request }) => {
  const slug = unique("audit-ui");
  const service = await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Audit UI ${slug.slice(-6)}`, tier: 3, measuredSince: HISTORY_FROM } });
  expect(service.status()).toBe(201);
  const title = unique("Audit UI outage");
  const created = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title, severity: "SEV3", startedAt: new Date(Date.now() - 600_000).toISOString(), resolvedAt: new Date(Date.now() - 60_000).toISOString(), impacts: [{ service: slug }] } });
  const { reference } = (await created.json()) as { reference: string };

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/settings/audit?entityType=incident");
  const row = page.getByRole("row").filter({ hasText: title }).first();
  await expect(row.getByRole("link", { name: reference, exact: true })).toHaveAttribute("href", `/incidents/${reference}`);

  // One entity's history, by its reference, in the URL; the total is the server's.
  await row.getByRole("link", { name: `History of ${reference}` }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/audit\\?entity=${reference}$`));
  await expect(page.getByText(/^\d+ events? on /)).toContainText(`on ${reference}`);
  const rows = page.locator("main table.table > tbody > tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain(reference);

  // One actor: picked from the list, kept with the entity filter.
  await hydrated(page);
  const actor = (await rows.first().locator("td").nth(1).innerText()).trim();
  await page.getByLabel("Actor").selectOption(actor);
  await expect(page).toHaveURL(/actor=/);
  await expect(page).toHaveURL(new RegExp(`entity=${reference}`));
  await expect(page.getByText(/^\d+ events? by /)).toContainText(`by ${actor} on ${reference}`);
  await expectAccessible(page, "audit trail filtered");

  // An entity that names nothing says so beside the field, and the rest of the page answers.
  await page.goto(`/settings/audit?entity=${unique("no-such-thing")}`);
  await expect(page.getByLabel("Entity", { exact: true })).toHaveAccessibleDescription(/Nothing in the audit trail is called/);
  await expect(page.getByText(/^\d+ events? in all/)).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `audit trail with a filter error at ${width} px`);
  }
});
