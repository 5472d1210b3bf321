import { expect, test } from "@playwright/test";
import { ADMIN, signedIn, unique } from "./fixtures";

test("signing out ends the session on the server, and signing in again gives a clear message for a wrong password", async ({ browser, playwright }) => {
  const { context, page } = await signedIn(browser);
  await page.goto("/services");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The cookie as it was before signing out no longer reads anything.
  const replay = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { cookie: `${cookie?.name}=${cookie?.value}` } });
  expect((await replay.get("/api/v1/me")).status()).toBe(401);
  await replay.dispose();

  // A signed-out visit is sent to sign in and comes back where it was going.
  await page.goto("/settings/tiers");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong e-mail or password")).toBeVisible();
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/tiers$/);
  await context.close();
});

test("a viewer reads but gets no write controls, and admin pages are refused", async ({ page, browser }) => {
  const email = `${unique("viewer")}@example.test`;
  const password = "viewer password 123";
  await page.goto("/settings/users");
  await page.getByLabel("Name").fill("Vera Viewer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const { context: viewer, page: vpage } = await signedIn(browser, email, password);
  await vpage.goto("/services");
  await expect(vpage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(vpage.getByRole("link", { name: "New service" })).toHaveCount(0);
  // Pages stream (loading states), so the refusal is the rendered 403 page, not the status line.
  await vpage.goto("/settings/users");
  await expect(vpage.getByRole("heading", { level: 1 })).toHaveText("Your role does not allow this page");
  await expect(vpage.getByRole("cell", { name: email })).toHaveCount(0);
  await viewer.close();
});

test("on a phone the navigation folds behind a Menu button and works from the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeVisible();
  await menu.focus();
  await page.keyboard.press("Enter");
  const services = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" });
  await expect(services).toBeVisible();
  await services.click();
  await expect(page).toHaveURL(/\/services$/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
