import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminToken, signedIn, unique } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

/** A user of their own, so that locking them out locks out no other test. */
async function newUser(request: APIRequestContext, role: "viewer" | "editor" | "admin") {
  const email = `${unique(role)}@example.test`;
  const password = `${unique("pw")} long enough`;
  const res = await request.post("/api/v1/users", { headers: asAdmin, data: { name: `Test ${role}`, email, password, role } });
  expect(res.status()).toBe(201);
  return { email, password };
}

test.describe("headers on every response", () => {
  test("a page: a nonce CSP that its own scripts carry, no framing, no sniffing", async ({ page }) => {
    const res = await page.goto("/services");
    const headers = res?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Over http (these tests), no HSTS: it is sent only when the public URL is https.
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Every script in the HTML as served carries the nonce (chunks loaded later by those scripts
    // need none: 'strict-dynamic').
    const html = (await res?.text()) ?? "";
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    // Markup that slipped into the page cannot run script: no inline handlers, no javascript: URLs.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = true"><a id="xss" href="javascript:window.__injected=true">x</a>`);
    });
    await page.locator("#xss").click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected === true)).toBe(false);
  });

  test("the API and files carry them too", async ({ request }) => {
    for (const route of ["/api/health", "/api/v1/services", "/icon.svg"]) {
      const res = await request.get(route, { headers: asAdmin });
      expect(res.headers()["x-content-type-options"], route).toBe("nosniff");
      expect(res.headers()["content-security-policy"], route).toContain("frame-ancestors 'none'");
    }
  });
});

test.describe("pages answer with real status codes", () => {
  test("signed out: a 307 to /login that comes back where it was going", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    for (const route of ["/", "/services?tier=1", "/settings/users"]) {
      const res = await anonymous.get(route, { maxRedirects: 0 });
      expect(res.status(), route).toBe(307);
      expect(res.headers().location, route).toBe(`/login?callbackUrl=${encodeURIComponent(route)}`);
    }
    await anonymous.dispose();
  });

  test("a page refused by role: a real 403", async ({ browser, request }) => {
    const viewer = await newUser(request, "viewer");
    const { context, page } = await signedIn(browser, viewer.email, viewer.password);
    for (const route of ["/settings/users", "/services/new"]) {
      const res = await page.goto(route);
      expect(res?.status(), route).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your role does not allow this page");
    }
    expect((await page.goto("/services"))?.status()).toBe(200);
    // The page the guard checks is the one the proxy saw, never one the client claims.
    await context.setExtraHTTPHeaders({ "x-nines-page": "/" });
    for (const route of ["/settings/users", "/settings/tiers/some.id"]) {
      expect((await page.goto(route))?.status(), route).toBe(403);
    }
    await context.close();
  });
});

test("a signed-in write from another site is refused and writes nothing", async ({ page }) => {
  await page.goto("/services");
  const slug = unique("csrf");
  const res = await page.request.post("/api/v1/services", {
    headers: { origin: "https://evil.example", "content-type": "text/plain" },
    data: JSON.stringify({ slug, name: slug, tier: 1 }),
  });
  expect(res.status()).toBe(403);
  expect((await page.request.get(`/api/v1/services/${slug}`)).status()).toBe(404);
});

test("50 wrong passwords at once: 429 with Retry-After after 10, the right one waits too, and the sign-in page says how long", async ({ playwright, baseURL, browser, request }) => {
  const victim = await newUser(request, "editor");
  const attacker = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await attacker.get("/api/auth/csrf")).json();
  const attempt = (password: string) =>
    attacker.post("/api/auth/callback/credentials", { form: { email: victim.email, password, csrfToken, callbackUrl: "/", json: "true" } });
  const answers = await Promise.all(Array.from({ length: 50 }, () => attempt("not the password")));
  const statuses = answers.map((r) => r.status());
  expect(statuses.filter((s) => s === 401)).toHaveLength(10);
  expect(statuses.filter((s) => s === 429)).toHaveLength(40);
  for (const r of answers.filter((a) => a.status() === 429)) expect(Number(r.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await attempt(victim.password)).status()).toBe(429);
  await attacker.dispose();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(victim.email);
  await page.getByLabel("Password").fill(victim.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toContainText(/Too many failed sign-ins for this account\. Try again in \d+m/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await context.close();
});
