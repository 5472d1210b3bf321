import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";

// The empty installation e2e/run.ts starts for the demo (E2E_DEMO_BASE_URL): a person evaluating Nines
// ticks "Fill with a demo organisation" on the setup page. e2e/demo.spec.ts then reads every page,
// signed in as the admin made here.

const EVA = { name: "Eva Evaluator", email: "eva@example.test", password: "a long enough passphrase" };
const SIGNED_IN = "test-results/.auth/demo-admin.json";

test.describe.configure({ timeout: 240_000 });

test("the setup page creates the admin and fills the installation with the demo organisation", async ({ page }) => {
  await page.goto("/setup");
  await page.getByLabel("Name", { exact: true }).fill(EVA.name);
  await page.getByLabel("Email").fill(EVA.email);
  await page.getByLabel("Password", { exact: true }).fill(EVA.password);
  await page.getByLabel(/confirm/i).fill(EVA.password);
  await page.getByLabel("Fill with a demo organisation").check();
  await expectAccessible(page, "/setup with the demo chosen");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 110_000 });
  await page.context().storageState({ path: SIGNED_IN });
});

