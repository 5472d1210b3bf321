import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures";
import { AUTH_FILES } from "./lanes";

// Runs on the app lane's installation ("setup") and on the read lane's ("read-setup"): each lane
// then signs in as the admin made here.
test("a new database shows the setup page first, which creates the admin and signs them in", async ({ page }) => {
  // The first test meets a cold server: each of its pages is that route's first render (modules
  // loaded, caches empty), which on a busy two-CPU machine takes longer than the usual minute.
  test.setTimeout(180_000);
  // Nothing else is reachable before the first admin exists.
  for (const path of ["/", "/services", "/settings", "/login"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/setup$/);
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/set up/i);

  await page.getByLabel("Name", { exact: true }).fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel(/confirm/i).fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Must be at least 12 characters").first()).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel(/confirm/i).fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation").first()).toContainText("Services");
  await expect(page.getByText(ADMIN.name).first()).toBeVisible();

  // The setup page is closed for good once an admin exists.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);
  await page.context().storageState({ path: test.info().project.name === "read-setup" ? AUTH_FILES.read : AUTH_FILES.app });
});
