// A real OpenID provider (oidc-provider) run inside the test process, for the sign-in specs
// (e2e/oidc.spec.ts, e2e/oidc-accounts.spec.ts): the browser signs in at it, Nines verifies its
// ID token and maps its groups to a role.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { Server } from "node:http";
import net from "node:net";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Provider from "oidc-provider";
import { adminToken } from "./fixtures";

export const NAME = "Test IdP";
const CLIENT = { id: "nines-e2e", secret: "a client secret for the e2e run" };
export type Account = { email: string; email_verified: boolean; name: string; groups: string[] };
/** The provider's people, by login. */
export const accounts = new Map<string, Account>();
/** What the token endpoint does to the ID token it hands out: nothing, break its signature, or re-sign it for another audience. */
export const tampering: { mode: "none" | "signature" | "audience" } = { mode: "none" };
/** The scopes a configuration asks for unless a test says otherwise: the groups need their own. */
export const SCOPES = "openid email profile groups";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export const api = (path: string) => `${test.info().project.use.baseURL}${path}`;
export const headers = () => ({ authorization: `Bearer ${adminToken()}` });

export async function signInSettings(page: Page): Promise<{ version: number; localPasswords: boolean; oidc: unknown }> {
  const res = await page.request.get(api("/api/v1/settings/sign-in"), { headers: headers() });
  expect(res.status()).toBe(200);
  return res.json();
}

export async function patchSignIn(page: Page, change: Record<string, unknown>): Promise<void> {
  const { version } = await signInSettings(page);
  const res = await page.request.patch(api("/api/v1/settings/sign-in"), { headers: headers(), data: { ...change, version } });
  expect(res.status(), await res.text()).toBe(200);
}

export const oidcSettings = (issuerUrl: string, scopes = SCOPES) => ({
  enabled: true,
  issuer: issuerUrl,
  clientId: CLIENT.id,
  clientSecret: CLIENT.secret,
  displayName: NAME,
  groupsClaim: "groups",
  scopes,
  groups: { admin: ["sre-admins"], editor: ["sre-editors"], viewer: ["staff"] },
  defaultRole: null,
});

/** A browser of its own (no session at Nines or at the provider) signing in through the provider as `login`. */
export async function signInThroughProvider(browser: Browser, login: string) {
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

export async function roleOf(page: Page): Promise<string | number> {
  const res = await page.request.get(api("/api/v1/me"));
  return res.status() === 200 ? ((await res.json()) as { role: string }).role : res.status();
}

/** The same token with claims changed, signed again with the provider's own key: only the change is wrong. */
function resigned(token: string, change: Record<string, unknown>, key: KeyObject): string {
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

/**
 * Starts the provider on a free port; its issuer URL. The groups claim comes only with the
 * `groups` scope, as at providers that keep it apart from the profile; the claims of the scopes
 * granted go into the ID token itself, as most providers can be told to do.
 */
export async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...pair.privateKey.export({ format: "jwk" }), kid: "e2e", alg: "RS256", use: "sig" };
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [api("/api/auth/callback/oidc")], grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [jwk] },
    cookies: { keys: ["e2e cookie key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      return { accountId: id, claims: async () => ({ sub: id, ...(account ?? {}) }) };
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !body?.id_token || tampering.mode === "none") return;
    body.id_token = tampering.mode === "signature" ? brokenSignature(body.id_token) : resigned(body.id_token, { aud: "another-client" }, pair.privateKey);
  });
  return { issuer, server: provider.listen(port) };
}

/** Puts sign-in back as a spec found it (the app lane shares one organisation), and stops the provider. */
export async function restoreSignIn(previous: { localPasswords: boolean; oidc: unknown } | null, server: Server | undefined): Promise<void> {
  if (previous) {
    const res = await fetch(api("/api/v1/settings/sign-in"), { headers: headers() });
    const { version } = (await res.json()) as { version: number };
    await fetch(api("/api/v1/settings/sign-in"), {
      method: "PATCH",
      headers: { ...headers(), "content-type": "application/json" },
      body: JSON.stringify({ localPasswords: previous.localPasswords, ...(previous.oidc === null ? { oidc: null } : {}), version }),
    });
  }
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
}
