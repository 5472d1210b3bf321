// Issue 19 items 6 and 11: every list fits a 1280 px screen with every column and header shown;
// on a phone (390 px) the pages do not scroll sideways and the filters fold behind a button; a list
// page does not prefetch the page of every row it links to.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

/** Long names and titles, as people type them: the rows that widen a table if anything does. */
async function longRows(request: APIRequestContext): Promise<{ slug: string; incident: string; risk: string }> {
  const slug = unique("payments-settlement-reconciliation");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Payments settlement and reconciliation batch for marketplace sellers ${slug.slice(-6)}`, tier: 2, owner: "Marketplace payments platform team", measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const now = Date.now();
  const incident = await request.post("/api/v1/incidents", {
    headers: asAdmin,
    data: { title: "Settlement files rejected by the acquiring bank after a certificate rotation", severity: "SEV2", startedAt: new Date(now - 30 * 60_000).toISOString(), resolvedAt: new Date(now - 10 * 60_000).toISOString(), impacts: [{ service: slug, fraction: 0.25 }] },
  });
  expect(incident.status()).toBe(201);
  const ref = ((await incident.json()) as { reference: string }).reference;
  const risk = await request.post("/api/v1/risks", {
    headers: asAdmin,
    data: { title: "The acquiring bank rotates its certificates without telling us in advance", service: slug, owner: "Marketplace payments platform team", inherent: { likelihood: "B", consequence: 4 }, current: { likelihood: "C", consequence: 4 }, target: { likelihood: "D", consequence: 3 }, ettdMinutes: 30, ettrMinutes: 90, ettfDays: 180, impactFraction: 0.2 },
  });
  expect(risk.status()).toBe(201);
  const riskRef = ((await risk.json()) as { reference: string }).reference;
  expect((await request.post("/api/v1/action-items", { headers: asAdmin, data: { title: "Pin the acquiring bank's intermediate certificate and alert 30 days before it expires", owner: "Marketplace payments platform team", dueDate: "2020-01-01", incident: ref } })).status()).toBe(201);
  return { slug, incident: ref, risk: riskRef };
}

async function currentWeek(request: APIRequestContext): Promise<string> {
  const weeks = (await (await request.get("/api/v1/reviews", { headers: asAdmin })).json()) as { weeks: { week: string; current: boolean }[] };
  return (weeks.weeks.find((w) => w.current) as { week: string }).week;
}

/** The page and each table wrapper: how far each scrolls sideways, and any header cut off. */
async function sideways(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const wrappers = [...document.querySelectorAll("main .table-wrap, main .heat-map-wrap")].filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => `${w.querySelector("caption")?.textContent ?? w.className}: ${w.scrollWidth} > ${w.clientWidth}`);
    const headers = [...document.querySelectorAll("main table thead th")].flatMap((th) => {
      const box = th.getBoundingClientRect();
      const wrap = th.closest(".table-wrap") ?? doc;
      const edge = wrap === doc ? doc.clientWidth : wrap.getBoundingClientRect().right;
      // A visually hidden header row (the review's phone layout) is not a clipped column.
      if (box.width <= 1 || th.closest("thead")?.getBoundingClientRect().width === 1) return [];
      return box.right > edge + 1 || box.width < 16 ? [`"${th.textContent}" ${Math.round(box.left)}–${Math.round(box.right)} (edge ${Math.round(edge)})`] : [];
    });
    return { page: doc.scrollWidth - doc.clientWidth, wrappers, headers };
  });
}

test("at 1280 px no list scrolls sideways and every column header is on screen; at 390 px no page does", async ({ page, request }) => {
  test.setTimeout(240_000);
  const { risk } = await longRows(request);
  const week = await currentWeek(request);
  const pages = ["/", "/services", "/incidents", `/reviews/${week}`, `/reviews/${week}?view=all`, "/risks", `/risks/${risk}`, "/action-items", "/settings/audit", "/reviews"];
  for (const path of pages) {
    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const wide = await sideways(page);
    expect(wide.page, `${path} at 1280 px: the page scrolls sideways`).toBeLessThanOrEqual(0);
    expect(wide.wrappers, `${path} at 1280 px: tables that scroll sideways`).toEqual([]);
    expect(wide.headers, `${path} at 1280 px: headers cut off`).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect((await sideways(page)).page, `${path} at 390 px: the page scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test("on a phone the filters fold behind a button that says how many apply; on a desktop they are open", async ({ page }) => {
  for (const [path, form] of [["/incidents?severity=SEV1", "Filter incidents"], ["/services", "Filter services"], ["/risks", "Filter risks"], ["/", "Filter and sort services"]] as const) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await hydrated(page);
    const toggle = page.getByRole("button", { name: /^Filters/ });
    const filters = page.getByRole("search", { name: form });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(filters).toBeHidden();
    if (path.includes("severity")) await expect(toggle).toContainText("1 applied");
    await toggle.click();
    await expect(page.getByRole("button", { name: /^Hide filters/ })).toHaveAttribute("aria-expanded", "true");
    await expect(filters).toBeVisible();
    await expectAccessible(page, `${path} at 390 px, filters open`);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();
    await expect(filters).toBeVisible();
  }
});

test("a list page prefetches the navigation, not the page of every row", async ({ page, request }) => {
  await longRows(request);
  const week = await currentWeek(request);
  for (const path of ["/", "/services", "/incidents", "/risks", "/reviews", `/reviews/${week}?view=all`, "/settings/audit"]) {
    const prefetched: string[] = [];
    const count = (req: import("@playwright/test").Request) => {
      if (req.headers()["next-router-prefetch"]) prefetched.push(new URL(req.url()).pathname);
    };
    page.on("request", count);
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.goto(path);
    await hydrated(page);
    // Prefetching starts when links scroll into view: show every row, then let it settle.
    await page.mouse.wheel(0, 20_000);
    await page.waitForLoadState("networkidle");
    page.off("request", count);
    const rows = await page.locator("main table tbody tr").count();
    const rowTargets = prefetched.filter((p) => /^\/(services|incidents|risks|reviews)\/[^/]+/.test(p) && !/\/new$/.test(p));
    console.log(`${path}: ${prefetched.length} prefetch requests for ${rows} rows (${rowTargets.length} to a row's page): ${[...new Set(prefetched)].join(" ")}`);
    expect(rowTargets, `${path}: rows whose page was prefetched`).toEqual([]);
    // What is left is the shell's own navigation (the main menu, the settings tabs, a breadcrumb),
    // which is worth having ready; before, every row's links came on top (37 to 57 a page).
    // Next asks for each target at most twice (its layout and its page): count the targets.
    expect(new Set(prefetched).size, `${path}: prefetched ${[...new Set(prefetched)].join(" ")}`).toBeLessThanOrEqual(13);
  }
});
