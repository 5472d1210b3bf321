import { expect, test } from "@playwright/test";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";
import { scanAndShoot } from "./shots";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("the trend's lane markers are wide enough, labelled on hover and focus, and open their incident; the target label and the axes read", async ({ page, request }) => {
  const slug = unique("charts");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Charts ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  // A two-minute outage: over 26 weeks a sliver narrower than a pixel, unless drawn wider.
  const res = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: "Brief DNS blip", severity: "SEV3", startedAt: "2026-05-13T12:00:00Z", resolvedAt: "2026-05-13T12:02:00Z", impacts: [{ service: slug }] } });
  expect(res.status()).toBe(201);
  const reference = (await res.json()).reference as string;
  await page.goto(`/services/${slug}?asOf=2026-06-28T12:00:00Z&window=month:2026-05`);
  await hydrated(page);

  const marker = page.locator(`[data-incident="${reference}"]`);
  const box = await marker.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(16);
  const tip = page.locator("li", { has: marker }).locator(".lane-tip");
  await expect(tip).toBeHidden();
  await marker.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(`${reference} Brief DNS blip`);
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  // Keyboard: Tab reaches it, and focus shows the same label.
  await page.locator("#trend-heading").click();
  for (let i = 0; i < 40 && !(await marker.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(marker).toBeFocused();
  await expect(tip).toBeVisible();
  await expect(marker).toHaveAccessibleName(new RegExp(`^${reference} Brief DNS blip`));

  // The target label has its own ground over the bars.
  await expect(page.getByTestId("target-label")).toContainText("target 99.9");

  // The burn-down: round duration ticks, and "now" whole inside the chart.
  const burn = page.locator("section", { has: page.getByRole("heading", { name: "Error budget burn-down" }) });
  await expect(burn.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").first()).toBeVisible();
  const yTicks = await burn.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  expect(yTicks.length).toBeGreaterThanOrEqual(3);
  for (const t of yTicks) expect(t, "a round duration").toMatch(/^−?(0s|\d+(s|m|h|d))$/);
  const now = burn.locator(".recharts-reference-line text", { hasText: "now" });
  if (await now.count()) {
    await expect(now).toHaveText("now");
    const svg = await burn.locator("svg.recharts-surface").first().boundingBox();
    const label = await now.boundingBox();
    expect((label?.x ?? 0) + (label?.width ?? 0)).toBeLessThanOrEqual((svg?.x ?? 0) + (svg?.width ?? 0) + 0.5);
  }
  await marker.click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${reference}$`));
});

test("a service page with an incident lane and a burn-down passes axe on a desktop and a phone", async ({ page, request }) => {
  const slug = unique("charts");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Charts ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const res = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: "Brief DNS blip", severity: "SEV3", startedAt: "2026-05-13T12:00:00Z", resolvedAt: "2026-05-13T12:02:00Z", impacts: [{ service: slug }] } });
  expect(res.status()).toBe(201);
  await page.goto(`/services/${slug}?asOf=2026-06-28T12:00:00Z&window=month:2026-05`);
  await hydrated(page);
  await expect(page.locator(`[data-incident="${(await res.json()).reference}"]`)).toBeVisible();
  await scanAndShoot(page, "service-charts");
});

test("the probe page shows a latency chart and a heartbeat of recent runs, each with a text alternative", async ({ page, request, baseURL }) => {
  const slug = unique("beat");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Beat ${slug.slice(-6)}`, tier: 2 } })).status()).toBe(201);
  const created = await request.post(`/api/v1/services/${slug}/probes`, { headers: asAdmin, data: { url: `${baseURL}/api/health`, intervalSeconds: 10 } });
  expect(created.status()).toBe(201);
  await expect(async () => {
    const runs = await (await request.get(`/api/v1/probes/${(await created.json()).id}/runs`, { headers: asAdmin })).json();
    expect(runs.total).toBeGreaterThanOrEqual(2);
  }).toPass({ timeout: 40_000 });
  await page.goto(`/services/${slug}/probes`);
  await hydrated(page);
  const beats = page.getByRole("img", { name: /^The last \d+ runs, oldest first: \d+ ok, \d+ failed/ });
  await expect(beats).toBeVisible();
  expect(await beats.locator(".beat").count()).toBeGreaterThanOrEqual(2);
  const latency = page.getByRole("img", { name: /^Latency of the last \d+ of \d+ runs: median \d+ ms, p90 \d+ ms, latest \d+ ms\.$/ });
  await expect(latency).toBeVisible();
  await expect(latency.locator("svg.recharts-surface")).toBeVisible();
  for (const t of await latency.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents()) expect(t).toMatch(/^\d+(\.\d+)? ms$/);
  await scanAndShoot(page, "probe-page");
});
