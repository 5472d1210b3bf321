// Issue 19 item 5: the weekly review works as a meeting. It opens on the services that need
// discussion, each row saying why in words; every service is one link away (in the URL); it prints
// on A4 landscape with every column and every row of the view; closing asks in a panel of its own.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, freshTier, hydrated, unique, HISTORY_FROM } from "./fixtures";
import { shot } from "./shots";

const asAdmin = { authorization: `Bearer ${adminToken()}` };
// A4 landscape is 297 mm wide; the print style sheet's margins are 10 mm each side: 277 mm of
// page for the content, 1,047 CSS pixels (96 per inch).
const A4_LANDSCAPE_CONTENT_PX = Math.floor((277 / 25.4) * 96);

async function currentWeek(request: APIRequestContext): Promise<{ week: string; state: string }> {
  const weeks = (await (await request.get("/api/v1/reviews", { headers: asAdmin })).json()) as { weeks: { week: string; current: boolean; state: string }[] };
  return weeks.weeks.find((w) => w.current) as { week: string; state: string };
}

/**
 * A service that lost two minutes this week (missed its 99.99 % target) and one that had a quiet
 * week, in a tier of their own: the review lists a page of 100 rows at a time, and the other tests
 * make hundreds of services.
 */
async function twoServices(request: APIRequestContext) {
  const tier = await freshTier(request, 0.9999);
  const troubled = unique("meeting-hot");
  const quiet = unique("meeting-calm");
  for (const slug of [troubled, quiet]) expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Svc ${slug.slice(-8)}`, tier, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const now = Date.now();
  const incident = await request.post("/api/v1/incidents", {
    headers: asAdmin,
    data: { title: unique("Meeting outage"), severity: "SEV2", startedAt: new Date(now - 3 * 60_000).toISOString(), resolvedAt: new Date(now - 60_000).toISOString(), impacts: [{ service: troubled }] },
  });
  expect(incident.status()).toBe(201);
  return { tier, troubled: `Svc ${troubled.slice(-8)}`, quiet: `Svc ${quiet.slice(-8)}` };
}

const serviceRow = (page: Page, name: string) => page.locator("section", { has: page.locator("#services-heading") }).getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

test("the review opens on what needs discussion, says why per row, and shows every service on request", async ({ page, request }) => {
  const { tier, troubled, quiet } = await twoServices(request);
  const { week } = await currentWeek(request);
  await page.goto(`/reviews/${week}?tier=${tier}`);
  await expect(page.getByRole("heading", { name: "Services that need discussion" })).toBeVisible();
  await shot(page, "review-discussion");
  const views = page.getByRole("navigation", { name: "Services shown" });
  await expect(views.getByRole("link", { name: /^Needs discussion \(\d+\)$/ })).toHaveAttribute("aria-current", "page");

  const hot = serviceRow(page, troubled);
  const reasons = hot.getByRole("list", { name: "Why it needs discussion" });
  await expect(reasons.getByRole("listitem").filter({ hasText: "Missed the target this week" })).toBeVisible();
  await expect(reasons.getByRole("listitem").filter({ hasText: "1 incident this week" })).toBeVisible();
  await expect(serviceRow(page, quiet)).toHaveCount(0);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `review, needs discussion, ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await views.getByRole("link", { name: /^All services \(\d+\)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${week}\\?tier=${tier}&view=all$`));
  await expect(page.getByRole("heading", { name: "All services" })).toBeVisible();
  await expect(serviceRow(page, quiet)).toHaveCount(1);
  await expect(serviceRow(page, quiet).getByRole("list", { name: "Why it needs discussion" })).toHaveCount(0);
  // The reasons travel with the row in every view.
  await expect(serviceRow(page, troubled)).toContainText("Missed the target this week");

  // A tier keeps the view, and the view keeps the tier.
  await page.getByRole("navigation", { name: "Tier" }).getByRole("link", { name: "All tiers" }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${week}\\?view=all$`));
  await page.getByRole("navigation", { name: "Tier" }).getByRole("link", { name: new RegExp(`^Tier ${tier}\\b`) }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${week}\\?tier=${tier}&view=all$`));
  await page.getByRole("navigation", { name: "Services shown" }).getByRole("link", { name: /^Needs discussion/ }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${week}\\?tier=${tier}$`));
  await expect(serviceRow(page, troubled)).toHaveCount(1);
});

test("the review prints on A4 landscape with every column and every row of the view", async ({ page, request }) => {
  await twoServices(request);
  const { week } = await currentWeek(request);
  for (const view of ["all", "discussion"]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: "screen" });
    await page.goto(`/reviews/${week}${view === "all" ? "?view=all" : ""}`);
    const rowsOnScreen = await page.locator(".review-table tbody tr").count();
    expect(rowsOnScreen).toBeGreaterThan(0);

    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: A4_LANDSCAPE_CONTENT_PX, height: 740 });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      headers: [...document.querySelectorAll(".review-table thead th")].map((th) => {
        const box = th.getBoundingClientRect();
        return { text: th.textContent, left: box.left, right: box.right, width: box.width };
      }),
      clipped: [...document.querySelectorAll(".table-wrap")].filter((w) => w.scrollWidth > w.clientWidth + 1).length,
      rowsShown: [...document.querySelectorAll(".review-table tbody tr")].filter((tr) => tr.getBoundingClientRect().height > 0).length,
    }));
    expect(layout.scrollWidth, `${view}: the page is no wider than A4 landscape`).toBeLessThanOrEqual(A4_LANDSCAPE_CONTENT_PX);
    expect(layout.clipped, `${view}: no table is cut off by its wrapper`).toBe(0);
    expect(layout.headers.length).toBeGreaterThanOrEqual(7);
    for (const h of layout.headers) {
      expect(h.left, `${view}: "${h.text}" starts on the page`).toBeGreaterThanOrEqual(0);
      expect(h.right, `${view}: "${h.text}" ends on the page`).toBeLessThanOrEqual(A4_LANDSCAPE_CONTENT_PX);
      expect(h.width, `${view}: "${h.text}" is not squeezed away`).toBeGreaterThan(20);
    }
    expect(layout.rowsShown, `${view}: every row of the view prints`).toBe(rowsOnScreen);
    // The PDF is A4 landscape because the page asks for it (@page), not because the test says so.
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) expect([w, h]).toEqual([842, 595]);
  }
  await page.emulateMedia({ media: "screen" });
});

test("closing the review asks in a panel: the question above its buttons, all on screen, and Cancel puts focus back", async ({ page, request }) => {
  const { week, state } = await currentWeek(request);
  if (state === "closed") expect((await request.post(`/api/v1/reviews/${week}/reopen`, { headers: asAdmin })).status()).toBe(200);
  if (state === "not_started") expect([200, 201]).toContain((await request.post("/api/v1/reviews", { headers: asAdmin, data: { week } })).status());
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/reviews/${week}`);
    await hydrated(page);
    await page.getByRole("button", { name: "Close review" }).click();
    const dialog = page.getByRole("group", { name: "Close review" });
    const confirm = dialog.getByRole("button", { name: "Close and freeze the figures" });
    await expect(confirm).toBeFocused();
    const prompt = await dialog.getByText(/^Closing stores every figure/).boundingBox();
    const buttons = await Promise.all([confirm.boundingBox(), dialog.getByRole("button", { name: "Cancel" }).boundingBox()]);
    const box = await dialog.boundingBox();
    expect(prompt && box && buttons.every(Boolean)).toBeTruthy();
    for (const b of buttons) {
      expect((b?.y ?? 0) + 1, `${width} px: the buttons sit under the question`).toBeGreaterThanOrEqual((prompt?.y ?? 0) + (prompt?.height ?? 0));
      expect((b?.x ?? 0) + (b?.width ?? 0), `${width} px: each button is inside the panel`).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0) + 1);
    }
    expect((box?.x ?? 0) + (box?.width ?? 0), `${width} px: the panel fits the screen`).toBeLessThanOrEqual(width);
    await expectAccessible(page, `close review, ${width} px`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("button", { name: "Close review" })).toBeFocused();
  }
});

test("a large view reads a page of 100 at a time, and shows (and prints) every row on request", async ({ page, request }) => {
  const tier = await freshTier(request);
  const slugs = Array.from({ length: 101 }, () => unique("paged"));
  for (let i = 0; i < slugs.length; i += 10) {
    const batch = slugs.slice(i, i + 10).map((slug) => request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Paged ${slug.slice(-9)}`, tier, measuredSince: HISTORY_FROM } }));
    for (const res of await Promise.all(batch)) expect(res.status()).toBe(201);
  }
  const { week } = await currentWeek(request);
  const services = page.locator("section", { has: page.locator("#services-heading") });
  const rows = services.locator(".review-table tbody tr");
  await page.goto(`/reviews/${week}?tier=${tier}&view=all`);
  await expect(services.getByRole("status").first()).toHaveText(/^Services 1–100 of 101/);
  await expect(rows).toHaveCount(100);
  await expectAccessible(page, "review, a page of a large view, 1280 px");
  await shot(page, "review-paged");

  // Printed, a page says it is one page of the view.
  const printNote = services.locator(".print-only").first();
  await expect(printNote).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(printNote).toBeVisible();
  await expect(printNote).toHaveText(': this print holds only these; print from "Show all 101" for every one.');
  await page.emulateMedia({ media: "screen" });

  const pages = services.getByRole("navigation", { name: "Pages of services" }).first();
  await pages.getByRole("link", { name: "Next 1" }).click();
  await expect(page).toHaveURL(new RegExp(`tier=${tier}&view=all&page=2$`));
  await expect(services.getByRole("status").first()).toHaveText(/^Service 101 of 101/);
  await expect(rows).toHaveCount(1);

  await services.getByRole("navigation", { name: "Pages of services" }).first().getByRole("link", { name: "Show all 101" }).click();
  await expect(page).toHaveURL(new RegExp(`tier=${tier}&view=all&rows=all$`));
  await expect(services.getByRole("status").first()).toHaveText("All 101 services");
  await expect(rows).toHaveCount(101);
  await page.emulateMedia({ media: "print" });
  const printed = await rows.evaluateAll((trs) => trs.filter((tr) => tr.getBoundingClientRect().height > 0).length);
  expect(printed, "every row of the whole view prints").toBe(101);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 390, height: 900 });
  await expectAccessible(page, "review, every row of a large view, 390 px");
  await page.goto(`/reviews/${week}?tier=${tier}&view=all&page=2`);
  await shot(page, "review-paged");
});
