import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("schedule maintenance ahead from the declare form: it is listed as scheduled, not ongoing, and can be started early", async ({ page, request }) => {
  const slug = unique("vault");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Vault ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  await page.goto("/incidents/new");
  await hydrated(page);
  const title = unique("Vault storage migration");
  await page.getByLabel("What is happening?").fill(title);
  await page.getByRole("combobox", { name: "Services hit" }).fill(slug);
  await page.keyboard.press("Enter");
  await page.getByLabel("Planned maintenance").check();
  await page.getByLabel("Later: schedule it").check();
  // An end before the start is refused beside the end, not lost.
  await page.getByLabel(/^Planned start/).fill("2099-01-02T02:00");
  await page.getByLabel(/^Planned end/).fill("2099-01-02T01:00");
  await expectAccessible(page, "/incidents/new (scheduling)");
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByText(/Must not be before planned start|Must not be before impact began/i)).toBeVisible();
  await page.getByLabel(/^Planned end/).fill("2099-01-02T04:00");
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  await hydrated(page);
  await expect(page.locator(".incident-facts")).toContainText("scheduled");
  await expect(page.locator(".incident-facts")).toContainText("Planned from 2099-01-02 02:00 to 2099-01-02 04:00");
  await expect(page.getByText("Planned start")).toBeVisible();
  await expectAccessible(page, "/incidents/[ref] (scheduled)");
  const reference = /INC-\d+/.exec(page.url())?.[0] as string;

  // The list: under "Scheduled maintenance", not among the ongoing.
  await page.goto(`/incidents?service=${slug}`);
  const upcoming = page.locator("section", { has: page.getByRole("heading", { name: /^Scheduled maintenance/ }) });
  await expect(upcoming).toContainText(reference);
  const ongoing = page.locator("section", { has: page.getByRole("heading", { name: /^Ongoing/ }) });
  await expect(ongoing).not.toContainText(reference);
  await expectAccessible(page, "/incidents (with scheduled maintenance)");

  // Started early: in progress and ongoing from now.
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.locator(".incident-facts")).toContainText("in progress");
  await expect(page.getByRole("button", { name: "Finish now" })).toBeVisible();
  await page.getByRole("button", { name: "Finish now" }).click();
  await expect(page.locator(".incident-facts")).toContainText("resolved");
});
