import { expect, test } from "@playwright/test";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";
import { scanAndShoot } from "./shots";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

// A pipeline records its changes through the API; they show on the service's trend beside its
// incidents (shapes named in words, listed in the chart's table) and on the incident page.
test("changes posted through the API show on the service's trend lane and on the incident page", async ({ page, request }) => {
  test.slow(); // two pages, each scanned at two widths
  const slug = unique("changes");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Changes ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const incident = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: "Checkout errors after a release", severity: "SEV2", startedAt: "2026-05-13T12:00:00Z", resolvedAt: "2026-05-13T12:40:00Z", impacts: [{ service: slug }] } });
  expect(incident.status()).toBe(201);
  const reference = (await incident.json()).reference as string;
  const post = async (data: Record<string, unknown>) => {
    const res = await request.post("/api/v1/changes", { headers: asAdmin, data: { service: slug, ...data } });
    expect(res.status(), JSON.stringify(await res.json())).toBe(201);
    return (await res.json()).id as string;
  };
  const deploy = await post({ at: "2026-05-13T11:00:00Z", kind: "deploy", summary: "Release 4.2: new payment client", release: "4.2.0", url: "https://ci.example.com/pipelines/42" });
  const config = await post({ at: "2026-05-13T10:30:00Z", kind: "config", summary: "Connection pool 50 → 20" });
  const flag = await post({ at: "2026-05-13T09:00:00Z", kind: "flag", summary: "new-checkout on for everyone" });
  // A bad one is refused, naming the field.
  const bad = await request.post("/api/v1/changes", { headers: asAdmin, data: { service: slug, kind: "rollback", summary: "x" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues[0].path).toBe("kind");

  await page.goto(`/services/${slug}?asOf=2026-06-28T12:00:00Z&window=month:2026-05`);
  await hydrated(page);
  const lane = page.getByRole("list", { name: "Changes on the same time axis" });
  await expect(lane.locator("[data-change]")).toHaveCount(3);
  const mark = lane.locator(`[data-change="${deploy}"]`);
  await expect(mark).toHaveAccessibleName(/^Deploy at 2026-05-13 \d\d:00 .+: Release 4\.2: new payment client \(release 4\.2\.0\)$/);
  await expect(mark).toHaveAttribute("href", "https://ci.example.com/pipelines/42");
  await expect(lane.locator(`[data-change="${config}"]`)).toHaveAccessibleName(/^Config change at /);
  await expect(lane.locator(`[data-change="${flag}"]`)).toHaveAccessibleName(/^Flag change at /);
  // Hover shows what changed; the shapes differ by kind, not by colour alone.
  await mark.hover();
  await expect(page.locator(`li:has([data-change="${deploy}"]) .lane-tip`)).toContainText("Release 4.2: new payment client");
  await expect(lane.locator(`[data-change="${config}"]`)).toHaveText("◆");
  await expect(mark).toHaveText("▲");
  await expect(page.locator(".chart-marks-summary")).toContainText("3 changes recorded in this period: 1 deploy, 1 config change, 1 flag change.");
  // The chart's table lists them in words.
  const trend = page.locator("section", { has: page.locator("#trend-heading") });
  await trend.getByRole("button", { name: "Show as a table" }).click();
  const listed = page.getByRole("list", { name: "Changes in this period" });
  await expect(listed.getByRole("listitem")).toHaveCount(3);
  await expect(listed).toContainText("Flag change at");
  await expect(page.getByText("Error-budget freezes", { exact: true })).toBeVisible();
  await scanAndShoot(page, "service-changes");

  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  const before = page.locator("section", { has: page.getByRole("heading", { name: "Changes in the two hours before it started" }) });
  const items = before.getByRole("list", { name: "Changes before the incident, newest first" }).getByRole("listitem");
  // 09:00 is three hours before: not a suspect.
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("Release 4.2: new payment client");
  await expect(items.nth(0)).toContainText("release 4.2.0");
  await expect(items.nth(1)).toContainText("Connection pool 50 → 20");
  await expect(before).not.toContainText("new-checkout");
  await scanAndShoot(page, "incident-changes");

  // An incident with no change before it says so, and what to do.
  const quiet = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: "Quiet morning blip", severity: "SEV4", startedAt: "2026-05-20T06:00:00Z", resolvedAt: "2026-05-20T06:05:00Z", impacts: [{ service: slug }] } });
  await page.goto(`/incidents/${(await quiet.json()).reference}`);
  await hydrated(page);
  await expect(page.getByText("No changes recorded then")).toBeVisible();
  await expect(page.getByText(/Pipelines record deploys, config changes and flag flips with POST \/api\/v1\/changes/)).toBeVisible();
});
