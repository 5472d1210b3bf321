import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, unique, HISTORY_FROM } from "./fixtures";
import { shot } from "./shots";

// Lists are capped at 200 a page (the overview's banner names 5, the incidents page 50): more than
// that are made here, and every number a page shows must be the server's count of them.
const MADE = 201;
const OVERDUE = 9;
const asAdmin = { authorization: `Bearer ${adminToken()}` };

/** Runs `make` for 0..n-1, ten at a time. */
async function inChunks<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let k = 0; k < n; k += 10) out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - k) }, (_, j) => make(k + j)))));
  return out;
}

const total = async (api: APIRequestContext, path: string): Promise<number> => {
  const res = await api.get(path, { headers: asAdmin });
  expect(res.status(), path).toBe(200);
  return ((await res.json()) as { total: number }).total;
};

/** The number in a heading's count badge. */
const countIn = async (page: Page, heading: string) => Number((await page.getByRole("heading", { name: new RegExp(`^${heading}`), level: 2 }).locator(".count").innerText()).replace(/,/g, ""));

/** The page's top and its end, on a desktop and on a phone, for a person to look at. */
async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, name, { fullPage: false });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await shot(page, name, { fullPage: false, suffix: "-end" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

test.describe("every count on a page is the server's count, past the list caps", () => {
  // Pages of 50 to 200 rows, each scanned by axe: more than the default minute on a busy machine.
  test.describe.configure({ timeout: 240_000 });
  const slug = unique("counted");
  const owner = unique("Owner");
  const incidents: string[] = [];
  const items: string[] = [];

  test.beforeAll(async ({ playwright, baseURL }) => {
    test.setTimeout(180_000);
    const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: asAdmin });
    expect((await api.post("/api/v1/services", { data: { slug, name: `Counted ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
    const started = Date.now() - 6 * 3_600_000;
    incidents.push(
      ...(await inChunks(MADE, async (i) => {
        const res = await api.post("/api/v1/incidents", { data: { title: `Flapping check ${i + 1}`, severity: "SEV3", startedAt: new Date(started + i * 60_000).toISOString(), impacts: [{ service: slug }] } });
        expect(res.status()).toBe(201);
        return ((await res.json()) as { id: string }).id;
      })),
    );
    items.push(
      ...(await inChunks(MADE, async (i) => {
        const res = await api.post("/api/v1/action-items", { data: { title: `Follow-up ${i + 1}`, owner, dueDate: i < OVERDUE ? "2020-01-01" : "2999-01-01", incident: incidents[i] } });
        expect(res.status()).toBe(201);
        return ((await res.json()) as { id: string }).id;
      })),
    );
    await api.dispose();
  });

  // Two hundred ongoing incidents would sit in every later test's overview: remove them.
  test.afterAll(async ({ playwright, baseURL }) => {
    test.setTimeout(180_000);
    const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: asAdmin });
    await inChunks(items.length, (i) => api.delete(`/api/v1/action-items/${items[i]}`));
    await inChunks(incidents.length, (i) => api.delete(`/api/v1/incidents/${incidents[i]}`));
    await api.dispose();
  });

  test("the overview's banner and the service's row", async ({ page, request }) => {
    const ongoing = await total(request, "/api/v1/incidents?status=open&limit=1");
    expect(ongoing).toBeGreaterThanOrEqual(MADE);
    await page.goto("/");
    const banner = page.locator(".ongoing-banner");
    await expect(banner.getByRole("heading", { level: 2 })).toHaveText(`${ongoing.toLocaleString("en-US")} ongoing incidents`);
    await expect(banner.getByRole("listitem")).toHaveCount(5);
    await expect(banner.getByRole("link", { name: `All ${ongoing.toLocaleString("en-US")} ongoing incidents` })).toBeVisible();
    await expectAccessible(page, "overview");
    await shoot(page, "overview");

    await page.goto(`/?q=${slug}`);
    const row = page.getByRole("row", { name: new RegExp(`Counted ${slug.slice(-6)}`) });
    await expect(row.locator(".ongoing-link")).toHaveCount(4);
    await expect(row.getByRole("link", { name: `+${MADE - 3} more ongoing on Counted ${slug.slice(-6)}` })).toHaveAttribute("href", `/incidents?status=open&service=${slug}`);
  });

  test("the incidents page: the ongoing count, the 50 shown of it, and every one of them a page at a time", async ({ page, request }) => {
    const ongoing = await total(request, "/api/v1/incidents?status=open&limit=1");
    const resolved = await total(request, "/api/v1/incidents?status=resolved&limit=1");
    await page.goto("/incidents");
    expect(await countIn(page, "Ongoing")).toBe(ongoing);
    expect(await countIn(page, "Resolved")).toBe(resolved);
    await expect(page.getByRole("table", { name: "Ongoing incidents" }).locator("tbody tr")).toHaveCount(50);
    await expect(page.getByText(`The 50 that started last of ${ongoing.toLocaleString("en-US")} ongoing.`)).toBeVisible();
    await expectAccessible(page, "/incidents");
    await shoot(page, "incidents");

    // This service's alone: all of its 201, 50 a page.
    await page.goto(`/incidents?service=${slug}`);
    expect(await countIn(page, "Ongoing")).toBe(MADE);
    // Followed by address: on a busy machine a client-side navigation of 50 rows outlasts the wait.
    const all = page.getByRole("link", { name: `See all ${MADE} ongoing incidents` });
    expect(new URL((await all.getAttribute("href")) ?? "", page.url()).searchParams.get("status")).toBe("open");
    await page.goto((await all.getAttribute("href")) ?? "");
    let seen = 0;
    for (;;) {
      expect(await countIn(page, "Ongoing")).toBe(MADE);
      seen += await page.getByRole("table", { name: "Ongoing incidents" }).locator("tbody tr").count();
      const more = page.getByRole("link", { name: "Ongoing incidents that started earlier" });
      if (!(await more.isVisible())) break;
      await page.goto((await more.getAttribute("href")) ?? "");
      await expect(page.getByRole("heading", { name: /^Ongoing, started earlier/ })).toBeVisible();
    }
    expect(seen).toBe(MADE);

    // A cursor that names nothing says so and shows the first page as the first page.
    await page.goto(`/incidents?service=${slug}&status=open&cursor=garbage`);
    await expect(page.locator("main").getByRole("alert")).toContainText("does not exist");
    await expect(page.getByRole("heading", { name: /^Ongoing\b/, level: 2 })).not.toContainText("started earlier");
  });

  test("the action-items page: open and overdue counted, the first 200 shown, the rest on the next page", async ({ page, request }) => {
    const open = await total(request, "/api/v1/action-items?status=open&limit=1");
    const overdue = await total(request, "/api/v1/action-items?overdue=true&limit=1");
    expect(open).toBeGreaterThan(200);
    expect(overdue).toBeGreaterThanOrEqual(OVERDUE);
    await page.goto("/action-items");
    const status = page.getByRole("status");
    await expect(status).toContainText(`${open.toLocaleString("en-US")} open, ${overdue.toLocaleString("en-US")} overdue`);
    await expect(status).toContainText(`showing the 200 due first of the ${open.toLocaleString("en-US")}`);
    await expect(page.locator("main tbody tr")).toHaveCount(200);
    await expectAccessible(page, "/action-items");
    await shoot(page, "action-items");
    await page.goto((await page.getByRole("link", { name: "Next page: due later" }).getAttribute("href")) ?? "");
    await expect(page.getByRole("status")).toContainText(`${open.toLocaleString("en-US")} open`);
    await expect(page.locator("main tbody tr")).toHaveCount(Math.min(200, open - 200));
  });

  test("the probes page of the service", async ({ page }) => {
    await page.goto(`/services/${slug}/probes`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Probes of");
    await expectAccessible(page, "probes");
    await shoot(page, "probes");
  });
});
