// Accounts for people who sign in with the identity provider only: an admin adds one without a
// password, and the person's first sign-in through the provider (e2e/oidc-harness.ts) links it.
import type { Server } from "node:http";
import { expect, test } from "@playwright/test";
import { hydrated, unique } from "./fixtures";
import { accounts, NAME, oidcSettings, patchSignIn, restoreSignIn, roleOf, signInSettings, signInThroughProvider, startProvider } from "./oidc-harness";
import { scanAndShoot } from "./shots";

test.describe.configure({ mode: "serial" });
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

test("without an identity provider, a new user needs a password, said beside the field", async ({ page }) => {
  const before = await signInSettings(page);
  previous = { localPasswords: before.localPasswords, oidc: before.oidc };
  await patchSignIn(page, { oidc: null });
  await page.goto("/settings/users");
  await hydrated(page);
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Nora Nopass");
  await form.getByLabel("Email").fill(`${unique("nora")}@example.test`);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.locator("#new-user-password-error")).toHaveText(/^Required: without an identity provider/);
  await expect(form.getByLabel("Password")).toBeFocused();
  await scanAndShoot(page, "settings-users");
});

test("with one, an admin adds a user without a password; their first sign-in there links the account", async ({ browser, page }) => {
  await patchSignIn(page, { oidc: oidcSettings(issuer) });
  const login = unique("olive");
  const email = `${login}@example.test`;
  const name = `Olive ${login.slice(-6)}`;

  await page.goto("/settings/users");
  await hydrated(page);
  const form = page.getByRole("form", { name: "Add a user" });
  await expect(form.getByText(`Leave empty if they will sign in with ${NAME} only`)).toBeVisible();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("admin");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toContainText(`Added ${name} (${email}) as admin, without a password. They sign in with ${NAME}`);
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText(`${NAME}, not signed in yet`);
  await expect(row).toContainText("No local password");
  await scanAndShoot(page, "settings-users-oidc");

  // The person signs in at the provider with that address, verified: the same account, its role
  // now from their groups (editors), its way in the provider's.
  accounts.set(login, { email, email_verified: true, name: "Olive at the IdP", groups: ["sre-editors"] });
  const signedIn = await signInThroughProvider(browser, login);
  await expect(signedIn.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(await roleOf(signedIn.page)).toBe("editor");
  await signedIn.context.close();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  await expect(row).toContainText("Identity provider");
  await expect(row).toContainText("No local password");
  await expect(row.getByLabel(`Role for ${name}`)).toHaveValue("editor");

  await page.goto("/settings/sign-in");
  await expect(page.getByLabel("Scopes")).toHaveValue("openid email profile groups");
  await scanAndShoot(page, "settings-sign-in-saved");
});
