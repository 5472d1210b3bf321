// Sign-in with OpenID Connect through a real OpenID provider (oidc-provider) run inside this test
// process: the browser signs in at it, Nines verifies its ID token and maps its groups to a role.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { Server } from "node:http";
import net from "node:net";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Provider from "oidc-provider";
import { ADMIN, adminToken, unique } from "./fixtures";
import { scanAndShoot } from "./shots";

test.describe.configure({ mode: "serial" });
// Each test signs in through the provider, a round trip of several pages; axe runs at two widths.
test.setTimeout(180_000);

const NAME = "Test IdP";
const CLIENT = { id: "nines-e2e", secret: "a client secret for the e2e run" };
type Account = { email: string; email_verified: boolean; name: string; groups: string[] };
const accounts = new Map<string, Account>();
/** What the token endpoint does to the ID token it hands out: nothing, break its signature, or re-sign it for another audience. */
let tamper: "none" | "signature" | "audience" = "none";

let server: Server;
let issuer: string;
let key: KeyObject;
let previous: { localPasswords: boolean; oidc: unknown } | null = null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The same token with claims changed, signed again with the provider's own key: only the change is wrong. */
function resigned(token: string, change: Record<string, unknown>): string {
  const [header, payload] = token.split(".") as [string, string, string];
  const claims = { ...JSON.parse(Buffer.from(payload, "base64url").toString("utf8")), ...change };
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${body}.${sign("sha256", Buffer.from(body), key).toString("base64url")}`;
}

/** The same token with one byte of its signature changed. */
function brokenSignature(token: string): string {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const bytes = Buffer.from(signature, "base64url");
  bytes[10] = (bytes[10] ?? 0) ^ 0xff;
  return `${header}.${payload}.${bytes.toString("base64url")}`;
}

const api = (path: string) => `${test.info().project.use.baseURL}${path}`;
const headers = () => ({ authorization: `Bearer ${adminToken()}` });

async function signInSettings(page: Page): Promise<{ version: number; localPasswords: boolean; oidc: unknown }> {
  const res = await page.request.get(api("/api/v1/settings/sign-in"), { headers: headers() });
  expect(res.status()).toBe(200);
  return res.json();
}

async function patchSignIn(page: Page, change: Record<string, unknown>): Promise<void> {
  const { version } = await signInSettings(page);
  const res = await page.request.patch(api("/api/v1/settings/sign-in"), { headers: headers(), data: { ...change, version } });
  expect(res.status(), await res.text()).toBe(200);
}

const oidcSettings = (issuerUrl: string) => ({
  enabled: true,
  issuer: issuerUrl,
  clientId: CLIENT.id,
  clientSecret: CLIENT.secret,
  displayName: NAME,
  groupsClaim: "groups",
  groups: { admin: ["sre-admins"], editor: ["sre-editors"], viewer: ["staff"] },
  defaultRole: null,
});

/** A browser of its own (no session at Nines or at the provider) signing in through the provider as `login`. */
async function signInThroughProvider(browser: Browser, login: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: `Sign in with ${NAME}` }).click();
  // oidc-provider's own pages (development interactions): any login, then consent.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === new URL(api("/")).origin && !url.pathname.startsWith("/api/auth"));
  return { context, page };
}

async function roleOf(page: Page): Promise<string | number> {
  const res = await page.request.get(api("/api/v1/me"));
  return res.status() === 200 ? ((await res.json()) as { role: string }).role : res.status();
}

test.beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  key = pair.privateKey;
  const jwk = { ...pair.privateKey.export({ format: "jwk" }), kid: "e2e", alg: "RS256", use: "sig" };
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [api("/api/auth/callback/oidc")], grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [jwk] },
    cookies: { keys: ["e2e cookie key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // The groups go into the ID token itself, as most providers can be told to do.
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      return { accountId: id, claims: async () => ({ sub: id, ...(account ?? {}) }) };
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !body?.id_token || tamper === "none") return;
    body.id_token = tamper === "signature" ? brokenSignature(body.id_token) : resigned(body.id_token, { aud: "another-client" });
  });
  server = provider.listen(port);
});

test.afterAll(async () => {
  // The app lane shares one organisation: put sign-in back as it was.
  if (previous) {
    const res = await fetch(api("/api/v1/settings/sign-in"), { headers: headers() });
    const { version } = (await res.json()) as { version: number };
    await fetch(api("/api/v1/settings/sign-in"), {
      method: "PATCH",
      headers: { ...headers(), "content-type": "application/json" },
      body: JSON.stringify({ localPasswords: previous.localPasswords, ...(previous.oidc === null ? { oidc: null } : {}), version }),
    });
  }
  await new Promise((resolve) => server?.close(resolve));
});

test("an admin configures the provider; the login page offers it and stays accessible", async ({ page }) => {
  const before = await signInSettings(page);
  previous = { localPasswords: before.localPasswords, oidc: before.oidc };
  await page.goto("/settings/sign-in");
  await expect(page.getByRole("heading", { name: "OpenID Connect" })).toBeVisible();
  await expect(page.getByText(`${api("/api/auth/callback/oidc")}`)).toBeVisible();
  // A wrong issuer is refused beside its field.
  await page.getByLabel("Issuer URL").fill("ftp://example.com");
  await page.getByLabel("Client ID").fill(CLIENT.id);
  await page.getByLabel("Provider name").fill(NAME);
  await page.getByRole("button", { name: "Save OpenID Connect" }).click();
  await expect(page.locator("#oidc-issuer-error")).toContainText("https");
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

for (const [mode, what] of [
  ["signature", "a tampered signature"],
  ["audience", "another audience"],
] as const) {
  test(`an ID token with ${what} is refused`, async ({ browser }) => {
    const login = unique("mallory");
    accounts.set(login, { email: `${login}@example.test`, email_verified: true, name: "Mallory", groups: ["sre-admins"] });
    tamper = mode;
    try {
      const { context, page } = await signInThroughProvider(browser, login);
      await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
      await expect(page.locator("main").getByRole("alert")).toContainText("could not verify the sign-in");
      expect(await roleOf(page)).toBe(401);
      await context.close();
    } finally {
      tamper = "none";
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
