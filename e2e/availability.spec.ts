import { expect, test, type APIRequestContext } from "@playwright/test";
import { formatPercent } from "../lib/domain/format";
import { expectAccessible } from "./axe";
import { adminToken, freshTier, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

async function service(request: APIRequestContext, tier: number, name: string) {
  const slug = unique(name.toLowerCase());
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `${name} ${slug.slice(-5)}`, tier, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  return slug;
}

async function outage(request: APIRequestContext, slug: string, start: string, minutes: number, extra: Record<string, unknown> = {}) {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  const res = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: unique("Outage"), severity: "SEV2", startedAt: start, resolvedAt: end, impacts: [{ service: slug }], ...extra } });
  expect(res.status()).toBe(201);
  return (await res.json()).reference as string;
}

test("a service's trend: one bar per bucket, each incident under its week, focus highlights the week, and the explanation is the API's", async ({ page, request }) => {
  const tier = await freshTier(request);
  const slug = await service(request, tier, "Ledger");
  // Mid-week instants (Wednesday noon UTC), so the week does not depend on the organisation's zone.
  const may = await outage(request, slug, "2026-05-13T12:00:00Z", 90, { severity: "SEV1" });
  const june = await outage(request, slug, "2026-06-10T12:00:00Z", 30, { kind: "maintenance", severity: "SEV5" });
  const asOf = "2026-06-28T12:00:00Z";
  await page.goto(`/services/${slug}?asOf=${asOf}`);
  await hydrated(page);

  const bars = page.locator("rect.bucket");
  await expect(bars).toHaveCount(26);
  await expect(page.locator('rect.bucket[data-bucket="week:2026-W20"]')).toHaveClass(/bucket-missed/);

  for (const [reference, week] of [[may, "week:2026-W20"], [june, "week:2026-W24"]] as const) {
    const lane = page.locator(`[data-incident="${reference}"]`);
    const bar = await lane.boundingBox();
    const bucket = await page.locator(`rect.bucket[data-bucket="${week}"]`).boundingBox();
    expect(bar && bucket).toBeTruthy();
    const center = (bar?.x ?? 0) + (bar?.width ?? 0) / 2;
    expect(center, `${reference} sits under ${week}`).toBeGreaterThanOrEqual(bucket?.x ?? 0);
    expect(center, `${reference} sits under ${week}`).toBeLessThanOrEqual((bucket?.x ?? 0) + (bucket?.width ?? 0));
  }

  // Keyboard: focusing the incident highlights the week it hit, and only that one.
  await page.locator(`[data-incident="${may}"]`).focus();
  await expect(page.locator('rect.bucket[data-bucket="week:2026-W20"]')).toHaveAttribute("data-highlighted", "true");
  await expect(page.locator("rect.bucket[data-highlighted]")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/incidents/${may}$`));

  // The explanation shows the same figures as the availability API for the same view.
  await page.goto(`/services/${slug}?window=month:2026-05&asOf=${asOf}`);
  await hydrated(page);
  const api = await (await request.get(`/api/v1/services/${slug}/availability?window=month:2026-05&asOf=${asOf}`, { headers: asAdmin })).json();
  await page.getByText("How is this computed?").click();
  await expect(page.locator(".formula code")).toHaveText(api.explanation.formula);
  // Rounded as the page shows figures: grouped seconds, the result to four decimals of a percent.
  expect(api.explanation.formula).toBe(`1 − 5,400\u00a0s / 2,678,400\u00a0s = 99.7984\u00a0%`);
  await expect(page.locator(".headline-value")).toHaveText(formatPercent(api.availability, 4));
  await expectAccessible(page, "service page");

  // The trend's text alternative: a table, one row per bucket.
  await page.getByRole("button", { name: "Show as a table" }).first().click();
  await expect(page.locator("#trend-table tbody tr")).toHaveCount(26);
});

test("the overview lists every service with the API's availability and budget; sorting and the tier filter work", async ({ page, request }) => {
  const tier = await freshTier(request);
  const slugs = [await service(request, tier, "Alpha"), await service(request, tier, "Bravo"), await service(request, tier, "Charlie")];
  const now = Date.now();
  // Different damage this month: none, 20 minutes, 60 minutes (99.9 % of a month allows ~43 min).
  await outage(request, slugs[1] as string, new Date(now - 2 * 3_600_000).toISOString(), 20);
  await outage(request, slugs[2] as string, new Date(now - 4 * 3_600_000).toISOString(), 60);

  await page.goto(`/?tier=${tier}`);
  const api = await (await request.get(`/api/v1/availability?tier=${tier}`, { headers: asAdmin })).json();
  const rows = page.locator("table.fleet-table tbody tr");
  await expect(rows).toHaveCount(3);
  for (const s of api.services as { service: { slug: string; name: string }; availability: number; errorBudget: { remainingRatio: number } }[]) {
    const row = rows.filter({ has: page.getByRole("link", { name: s.service.name, exact: true }) });
    // The page and the API are read moments apart, and a month with no new downtime rises as time
    // passes: the last shown digit may differ by one, never more.
    const shown = Number(((await row.locator("td.num").first().textContent()) ?? "").match(/^[\d.]+/)?.[0]);
    expect(Math.abs(shown - s.availability * 100)).toBeLessThanOrEqual(0.0015);
    const budget = ((await row.textContent()) ?? "").match(/overspent by ([\d.]+)[\s\u00a0]%|([\d.]+)[\s\u00a0]% left/);
    const budgetShown = budget?.[1] !== undefined ? -Number(budget[1]) : Number(budget?.[2]);
    expect(Math.abs(budgetShown - s.errorBudget.remainingRatio * 100)).toBeLessThanOrEqual(1);
  }
  // Default sort: least budget left first.
  await expect(rows.nth(0)).toContainText("Charlie");
  await expect(rows.nth(2)).toContainText("Alpha");
  await expect(page.getByText("Budget overspent").first()).toBeVisible();

  await page.getByLabel("Sort by").selectOption("name");
  await expect(page).toHaveURL(/sort=name/);
  await expect(rows.nth(0)).toContainText("Alpha");
  await expect(rows.nth(2)).toContainText("Charlie");

  // The tier filter: another tier's services are gone; picking all tiers brings back more.
  await page.getByLabel("Tier").selectOption("");
  await expect(page).not.toHaveURL(/tier=\d/);
  // The URL changes first; the new rows stream in after it.
  await expect.poll(() => rows.count()).toBeGreaterThan(3);
  await page.getByLabel("Search services").fill("bravo");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows.filter({ hasText: "Bravo" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "Alpha" })).toHaveCount(0);
  await expectAccessible(page, "overview");
});

test("the nines: allowed downtime per day to year for the usual targets, and for any target added", async ({ page }) => {
  await page.goto("/nines?target=99.95");
  const row = (target: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${target.replace(".", "\\.")}`) }) });
  await expect(row("99.9 %")).toContainText("43m 12s");
  await expect(row("99.99 %")).toContainText("4m 19.2s");
  await expect(row("99.95 %")).toContainText("yours");
  await page.goto("/nines?target=100");
  await expect(page.getByText("Enter a target below 100 % (100 % leaves no error budget): at most 99.99999 %")).toBeVisible();
  await expectAccessible(page, "/nines");
});
