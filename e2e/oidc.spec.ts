// Sign-in with OpenID Connect through a real OpenID provider (oidc-provider) run inside this test
// process (e2e/oidc-harness.ts): the browser signs in at it, Nines verifies its ID token and maps
// its groups to a role.
import type { Server } from "node:http";
import { expect, test } from "@playwright/test";
import { ADMIN, unique } from "./fixtures";
import { accounts, api, freePort, headers, NAME, oidcSettings, patchSignIn, restoreSignIn, roleOf, signInSettings, signInThroughProvider, startProvider, tampering } from "./oidc-harness";
import { scanAndShoot } from "./shots";

test.describe.configure({ mode: "serial" });
// Each test signs in through the provider, a round trip of several pages; axe runs at two widths.
test.setTimeout(180_000);

let server: Server;
let issuer: string;
let previous: { localPasswords: boolean; oidc: unknown } | null = null;

test.beforeAll(async () => {
  ({ issuer, server } = await startProvider());
});

test.afterAll(async () => {
  await restoreSignIn(previous, server);
});

test("an admin configures the provider; the login page offers it and stays accessible", async ({ page }) => {
  const before = await signInSettings(page);
  previous = { localPasswords: before.localPasswords, oidc: before.oidc };
  await page.goto("/settings/sign-in");
  await expect(page.getByRole("heading", { name: "OpenID Connect" })).toBeVisible();
  await expect(page.getByText(`${api("/api/auth/callback/oidc")}`)).toBeVisible();
  // A wrong issuer and scopes written with commas are refused beside their fields.
  await page.getByLabel("Issuer URL").fill("ftp://example.com");
  await page.getByLabel("Client ID").fill("nines-e2e");
  await page.getByLabel("Provider name").fill(NAME);
  await page.getByLabel("Scopes").fill("email,profile");
  await page.getByRole("button", { name: "Save OpenID Connect" }).click();
  await expect(page.locator("#oidc-issuer-error")).toContainText("https");
  await expect(page.locator("#oidc-scopes-error")).toHaveText("Separate scopes with spaces, not commas");
  await scanAndShoot(page, "settings-sign-in");

  await patchSignIn(page, { oidc: oidcSettings(issuer) });
  const context = await page.context().browser()!.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await context.newPage();
  await login.goto("/login");
  await expect(login.getByRole("button", { name: `Sign in with ${NAME}` })).toBeVisible();
  await expect(login.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await scanAndShoot(login, "login-oidc");
  await context.close();
});

test("an editor by group; removed from the group, the next sign-in makes them a viewer; in no group, refused", async ({ browser, page }) => {
  const login = unique("erin");
  const email = `${login}@example.test`;
  accounts.set(login, { email, email_verified: true, name: "Erin Editor", groups: ["staff", "sre-editors"] });

  const first = await signInThroughProvider(browser, login);
  await expect(first.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(await roleOf(first.page)).toBe("editor");
  await first.context.close();

  // The account was made at the first sign-in, without a password, and says so on the users page.
  await page.goto("/settings/users");
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Identity provider");

  accounts.set(login, { ...accounts.get(login)!, groups: ["staff"] });
  const second = await signInThroughProvider(browser, login);
  expect(await roleOf(second.page)).toBe("viewer");
  await second.context.close();

  accounts.set(login, { ...accounts.get(login)!, groups: ["marketing"] });
  const third = await signInThroughProvider(browser, login);
  await expect(third.page).toHaveURL(/\/login\?.*error=oidc_no_group/);
  await expect(third.page.locator("main").getByRole("alert")).toContainText(`Your account at ${NAME} is in none of the groups`);
  expect(await roleOf(third.page)).toBe(401);
  await third.context.close();
});

test("the groups come only with their own scope: not asked for, Nines refuses and the audit trail says why; asked for, they give the role", async ({ browser, page }) => {
  const login = unique("gina");
  const email = `${login}@example.test`;
  accounts.set(login, { email, email_verified: true, name: "Gina Groups", groups: ["sre-editors"] });

  await patchSignIn(page, { oidc: oidcSettings(issuer, "openid email profile") });
  const without = await signInThroughProvider(browser, login);
  await expect(without.page).toHaveURL(/\/login\?.*error=oidc_no_group/);
  expect(await roleOf(without.page)).toBe(401);
  await without.context.close();
  // The refusal is in Settings → Audit: who, and that the provider sent no groups.
  const trail = await page.request.get(api("/api/v1/audit?entityType=sign_in"), { headers: headers() });
  const event = ((await trail.json()) as { events: { entityId: string; action: string; after: Record<string, unknown> }[] }).events.find((e) => e.entityId === login);
  expect(event).toMatchObject({ action: "sign_in_refused", after: { reason: "no_group", email, groups: [] } });
  await page.goto("/settings/audit?entityType=sign_in");
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("sign_in_refused");

  await patchSignIn(page, { oidc: oidcSettings(issuer) });
  const withScope = await signInThroughProvider(browser, login);
  await expect(withScope.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(await roleOf(withScope.page)).toBe("editor");
  await withScope.context.close();
});

for (const [mode, what] of [
  ["signature", "a tampered signature"],
  ["audience", "another audience"],
] as const) {
  test(`an ID token with ${what} is refused`, async ({ browser }) => {
    const login = unique("mallory");
    accounts.set(login, { email: `${login}@example.test`, email_verified: true, name: "Mallory", groups: ["sre-admins"] });
    tampering.mode = mode;
    try {
      const { context, page } = await signInThroughProvider(browser, login);
      await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
      await expect(page.locator("main").getByRole("alert")).toContainText("could not verify the sign-in");
      expect(await roleOf(page)).toBe(401);
      await context.close();
    } finally {
      tampering.mode = "none";
    }
  });
}

test("an unreachable provider is a clear error on the login page, and local sign-in keeps working", async ({ browser, page }) => {
  await patchSignIn(page, { oidc: oidcSettings(`http://127.0.0.1:${await freePort()}`) });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await context.newPage();
  await login.goto("/login");
  await login.getByRole("button", { name: `Sign in with ${NAME}` }).click();
  await expect(login).toHaveURL(/\/login\?.*error=OAuthSignin/);
  await expect(login.locator("main").getByRole("alert")).toContainText(`Could not start signing in with ${NAME}`);
  await scanAndShoot(login, "login-oidc-unreachable");
  await login.getByLabel("Email").fill(ADMIN.email);
  await login.getByLabel("Password").fill(ADMIN.password);
  await login.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(login.getByRole("navigation", { name: "Main" })).toBeVisible();
  await context.close();
});

test("with local passwords off, the login page keeps a recovery form for admins, and others' passwords are refused", async ({ browser, page }) => {
  await patchSignIn(page, { oidc: oidcSettings(issuer) });
  // A local editor, made while passwords are on.
  const email = `${unique("local")}@example.test`;
  const created = await page.request.post(api("/api/v1/users"), { headers: headers(), data: { name: "Lou Local", email, password: "a long local password", role: "editor" } });
  expect(created.status()).toBe(201);
  await patchSignIn(page, { localPasswords: false });

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await context.newPage();
  await login.goto("/login");
  await login.getByText("Admin recovery: sign in with a password").click();
  await scanAndShoot(login, "login-passwords-off");
  await login.getByLabel("Email").fill(email);
  await login.getByLabel("Password").fill("a long local password");
  await login.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(login.locator("main").getByRole("alert")).toContainText("Password sign-in is turned off");
  await context.close();

  // The admin still signs in with a password (recovery), from the folded form.
  const recovery = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const adminPage = await recovery.newPage();
  await adminPage.goto("/login");
  await adminPage.getByText("Admin recovery: sign in with a password").click();
  await adminPage.getByLabel("Email").fill(ADMIN.email);
  await adminPage.getByLabel("Password").fill(ADMIN.password);
  await adminPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(adminPage.getByRole("navigation", { name: "Main" })).toBeVisible();
  await recovery.close();
  await patchSignIn(page, { localPasswords: true });
});
