import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export const ADMIN = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: "correct horse battery staple",
};

export function adminToken(): string {
  const token = process.env.E2E_ADMIN_TOKEN;
  if (!token) throw new Error("E2E_ADMIN_TOKEN is not set: run the suite with `npm run test:e2e`");
  return token;
}

let n = 0;
/**
 * measuredSince of a service these tests log history for: its incident record counts from here, so
 * incidents from January 2026 on count (a service's own default, its creation, would make them
 * no data; e2e/measured-since.spec.ts tests that).
 */
export const HISTORY_FROM = "2026-01-01T00:00:00Z";

// Names stay apart if tests ever run in more than one worker at once (the worker's lane).
const lane = process.env.TEST_PARALLEL_INDEX ?? "0";

export function unique(prefix: string): string {
  n += 1;
  return `${prefix}-${Date.now().toString(36)}-${lane}${n}`;
}

/**
 * A browser context of its own, signed in through the form: signing it out (or locking it out)
 * leaves the shared admin session of the other tests alone.
 */
export async function signedIn(browser: Browser, email = ADMIN.email, password = ADMIN.password) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  return { context, page };
}

/**
 * Waits until React has hydrated the page's heading and every form control in it (it attaches its
 * props to the elements), so that a click is handled by the app rather than by the browser as a
 * plain form submit. A Suspense
 * boundary hydrates on its own, after the heading: a value filled into a control React has not
 * hydrated yet never reaches its state (the review's notes draft was lost that way in CI).
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const isReact = (el: Element) => Object.keys(el).some((k) => k.startsWith("__reactProps"));
    const heading = document.querySelector("main h1");
    return heading !== null && isReact(heading) && [...document.querySelectorAll("main input, main textarea, main select")].every(isReact);
  });
}

/**
 * A tier of its own (a free rank from 10 to 99), so a test's services can be told apart on pages
 * that list every service of a tier (the overview, the review) however many the other tests made.
 */
export async function freshTier(request: APIRequestContext, sloTarget = 0.999): Promise<number> {
  const headers = { authorization: `Bearer ${adminToken()}` };
  // Another test may take the same free rank a moment earlier (409): then another one.
  for (let attempt = 0; attempt < 5; attempt++) {
    const rank = await freeTierRank(request);
    const res = await request.post("/api/v1/tiers", { headers, data: { rank, name: unique("Tier"), sloTarget, sloWindow: "month" } });
    if (res.status() === 409) continue;
    expect(res.status()).toBe(201);
    return rank;
  }
  throw new Error("no free tier rank after five attempts");
}

/** A rank from 10 to 99 no tier holds yet: tests that create tiers must not collide on a fixed rank. */
export async function freeTierRank(request: APIRequestContext): Promise<number> {
  const headers = { authorization: `Bearer ${adminToken()}` };
  const used = new Set(((await (await request.get("/api/v1/tiers?includeArchived=true", { headers })).json()).tiers as { rank: number }[]).map((t) => t.rank));
  const free = Array.from({ length: 90 }, (_, i) => i + 10).filter((r) => !used.has(r));
  expect(free.length, "a free tier rank from 10 to 99").toBeGreaterThan(0);
  return free[Math.floor(Math.random() * free.length)] as number;
}
