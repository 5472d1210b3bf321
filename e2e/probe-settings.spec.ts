import { expect, test } from "@playwright/test";
import { adminToken, hydrated } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("an admin sets how long probe runs and their hours are kept; hours shorter than runs are refused beside the field", async ({ page, request }) => {
  const found = await (await request.get("/api/v1/settings", { headers: asAdmin })).json();
  try {
    await page.goto("/settings");
    await hydrated(page);
    const runs = page.getByLabel("Keep probe runs for (days)");
    const hours = page.getByLabel("Keep probe hours for (days)");
    await expect(runs).toHaveValue(String(found.probeRetentionDays));
    await expect(hours).toHaveValue(String(found.probeHourRetentionDays));
    await runs.fill("7");
    await hours.fill("5");
    await page.getByRole("button", { name: "Save probe settings" }).click();
    await expect(hours).toHaveAccessibleDescription(/Must be at least the days runs are kept \(7\)/);
    await hours.fill("730");
    await page.getByRole("button", { name: "Save probe settings" }).click();
    await expect(page.getByRole("form", { name: "Probe settings" }).getByRole("status")).toContainText("Runs older than 7 days are deleted, hours older than 730 days");
    const saved = await (await request.get("/api/v1/settings", { headers: asAdmin })).json();
    expect([saved.probeRetentionDays, saved.probeHourRetentionDays]).toEqual([7, 730]);
  } finally {
    // The settings as the other specs found them.
    const now = await (await request.get("/api/v1/settings", { headers: asAdmin })).json();
    const back = { probeRetentionDays: found.probeRetentionDays, probeHourRetentionDays: found.probeHourRetentionDays, version: now.version };
    expect((await request.patch("/api/v1/settings", { headers: asAdmin, data: back })).status()).toBe(200);
  }
});
