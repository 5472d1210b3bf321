import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./axe";
import { shot } from "./shots";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

async function service(request: APIRequestContext): Promise<string> {
  const slug = unique("numbers");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Numbers ${slug.slice(-6)}`, tier: 2, sloTarget: 0.999, sloWindow: "rolling:30d", measuredSince: HISTORY_FROM } })).status()).toBe(201);
  return slug;
}

test("forms speak percent: a target of 100 % is answered in percent, not as a ratio", async ({ page }) => {
  await page.goto("/settings/tiers");
  await hydrated(page);
  await page.getByLabel("SLO target (%)").fill("100");
  await page.getByRole("button", { name: /Add tier|Create tier/ }).click();
  await expect(page.locator("#tier-sloTarget-error, [id$='-sloTarget-error']").first()).toHaveText("Enter a target below 100 % (100 % leaves no error budget): at most 99.99999 %");
  await page.getByLabel("SLO target (%)").fill("40");
  await page.getByRole("button", { name: /Add tier|Create tier/ }).click();
  await expect(page.locator("[id$='-sloTarget-error']").first()).toHaveText("Enter a target of at least 50 %");

  await page.goto("/services/new");
  await hydrated(page);
  await page.getByLabel("SLO target (%)").fill("100");
  await page.getByRole("button", { name: /Create service|Add service/ }).click();
  await expect(page.locator("[id$='-sloTarget-error']").first()).toHaveText("Enter a target below 100 % (100 % leaves no error budget): at most 99.99999 %");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `/services/new with a percent message at ${width} px`);
    await shot(page, "service-new-percent");
  }
});

test("how it is computed reads in rounded figures, and a far-off exhaustion is not printed as a date", async ({ page, request }) => {
  const slug = await service(request);
  // 42.2891 s of a 30-day window at 99.9 %: the budget lasts years at this pace.
  const startedAt = new Date(Date.now() - 3 * 86_400_000);
  const resolvedAt = new Date(startedAt.getTime() + 42_289.1);
  expect((await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: unique("Blip"), severity: "SEV4", startedAt: startedAt.toISOString(), resolvedAt: resolvedAt.toISOString(), impacts: [{ service: slug, fraction: 0.6 }] } })).status()).toBe(201);
  await page.goto(`/services/${slug}`);
  await hydrated(page);
  await page.getByText("How is this computed?").click();
  const formula = await page.locator(".formula code").innerText();
  expect(formula).toMatch(/^1 − 25\.37\s?s \/ 2,592,000\s?s = 99\.99\d\d\s?%$/);
  const interval = page.locator(".explain-intervals");
  await expect(interval).toContainText("25.37");
  const fits = await interval.evaluate((t) => t.getBoundingClientRect().width <= (t.closest(".explain-body")?.getBoundingClientRect().width ?? 0) + 1);
  expect(fits, "the interval table fits its column").toBe(true);
  const runsOut = page.locator("dt", { hasText: "Runs out" }).locator("xpath=following-sibling::dd[1]");
  await expect(runsOut).toHaveText("Not within this window: at this pace the budget lasts beyond the next 30 days");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `service page with its explanation open at ${width} px`);
    await shot(page, "service-explained");
  }
});

test("a review row says whose budget each share is of, and the figures say the instant they are as of", async ({ page, request }) => {
  await service(request);
  const weeks = (await (await request.get("/api/v1/reviews", { headers: asAdmin })).json()) as { weeks: { week: string; current: boolean }[] };
  const current = weeks.weeks.find((w) => w.current) as { week: string };
  await page.goto(`/reviews/${current.week}`);
  await hydrated(page);
  await expect(page.getByRole("columnheader", { name: "Spent this week of the SLO window's budget" }).first()).toBeVisible();
  await expect(page.locator(".review-as-of")).toHaveText(/^This week's figures as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+; the SLO window's \(budget left, share spent, burn rates\) as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+\.$/);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `review page at ${width} px`);
    await shot(page, "review-as-of");
  }
});
