import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

async function service(request: APIRequestContext): Promise<string> {
  const slug = unique("vault");
  const res = await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Vault ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } });
  expect(res.status()).toBe(201);
  return slug;
}

const heatCell = (page: Page, cell: string) => page.locator("table.heat-map").getByRole("link", { name: new RegExp(`^${cell}:`) });
const panel = (page: Page, heading: string) => page.locator("section", { has: page.getByRole("heading", { name: heading, level: 2 }) });

test("create a risk through the form, find it in each assessment's cell, filter by the cell, review it, link an incident, export the CSV", async ({ page, request }) => {
  const slug = await service(request);
  const inc = await request.post("/api/v1/incidents", {
    headers: asAdmin,
    data: { title: unique("Vault sealed"), severity: "SEV2", startedAt: "2026-10-01T10:00:00Z", detectedAt: "2026-10-01T10:05:00Z", resolvedAt: "2026-10-01T11:05:00Z", impacts: [{ service: slug }] },
  });
  const incident = (await inc.json()) as { reference: string };
  const owner = unique("owner");
  const title = unique("Vault unseal keys lost");

  await page.goto("/risks/new");
  await hydrated(page);
  await expectAccessible(page, "/risks/new");
  await page.getByLabel("Title").fill(title);
  // The service is picked with the incident form's type-ahead: type, Enter takes the first match.
  await page.getByRole("combobox", { name: "Service" }).fill(slug);
  await page.getByRole("combobox", { name: "Service" }).press("Enter");
  await page.getByLabel("Owner").fill(owner);
  await page.getByLabel("Cause").fill("Only two people hold the keys");
  for (const [assessment, likelihood, consequence] of [["inherent", "B", "4"], ["current", "C", "4"], ["target", "D", "3"]] as const) {
    await page.locator(`#new-risk-${assessment}-likelihood`).selectOption(likelihood);
    await page.locator(`#new-risk-${assessment}-consequence`).selectOption(consequence);
  }
  await expect(page.getByRole("group", { name: /^Current/ })).toContainText("HIGH 19");
  await page.getByLabel("ETTD (minutes to detect)").fill("5");
  await page.getByLabel("ETTR (minutes to repair)").fill("120");
  await page.getByLabel("ETTF (days between failures)").fill("365");
  await page.getByLabel("Impact (% of users hit)").fill("100");
  await page.getByRole("button", { name: "Create risk" }).click();

  await expect(page).toHaveURL(/\/risks\/RISK-\d+$/);
  const reference = page.url().split("/").pop() as string;
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByRole("img", { name: /Inherent B4 \(HIGH 20\) → current C4 \(HIGH 19\) → target D3 \(MEDIUM 11\)/ })).toBeVisible();
  // 125.1 bad minutes a year against a 99.9 % tier: 23.8 % of its budget.
  await expect(panel(page, "Against the error budget")).toContainText("125.1 min/yr");
  await expect(panel(page, "Against the error budget")).toContainText("23.8");

  // Counted in the right cell of each assessment's heat map; the page's own filter keeps other tests' risks out.
  for (const [assessment, cell, level] of [["inherent", "B4", "HIGH 20"], ["current", "C4", "HIGH 19"], ["target", "D3", "MEDIUM 11"]] as const) {
    await page.goto(`/risks?owner=${owner}&assessment=${assessment}`);
    await expect(heatCell(page, cell)).toHaveAccessibleName(`${cell}: 1 risk, ${level}`);
    await expect(heatCell(page, "A5")).toHaveAccessibleName("A5: 0 risks, CRITICAL 25");
  }
  await expectAccessible(page, "/risks");

  // A click on the cell filters the register to it.
  await page.goto(`/risks?owner=${owner}`);
  await hydrated(page);
  await heatCell(page, "C4").click();
  await expect(page).toHaveURL(/cell=C4/);
  const register = page.locator("section", { has: page.getByRole("heading", { name: /^Register/ }) });
  await expect(register.getByRole("row")).toHaveCount(2); // the header and our risk
  await expect(register).toContainText(title);
  await heatCell(page, "E1").click();
  await expect(page.getByText("No risks match these filters")).toBeVisible();

  // The risk page: mark it reviewed, link the incident that realised it.
  await page.goto(`/risks/${reference}`);
  await hydrated(page);
  const reviews = panel(page, "Reviews");
  await reviews.getByLabel("Review note").fill("Keys now held by four people");
  await reviews.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(reviews.getByRole("list", { name: "Review history" })).toContainText("Keys now held by four people");
  await expect(reviews).not.toContainText("overdue");

  const realised = panel(page, "Realised by 0");
  await realised.getByLabel("Incident that realised it").fill(incident.reference);
  await realised.getByRole("button", { name: "Link", exact: true }).click();
  const linked = panel(page, "Realised by 1");
  await expect(linked.getByRole("link", { name: new RegExp(incident.reference) })).toBeVisible();
  // Calibration: the incident took 5 minutes to detect and 60 to repair.
  await expect(page.getByRole("region", { name: "Calibration" })).toContainText("60 min");
  await expectAccessible(page, "risk page");

  // The register as CSV, with this risk's computed figures.
  await page.goto(`/risks?owner=${owner}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = await readFile((await download.path()) as string, "utf8");
  const [header, row] = csv.trim().split("\r\n");
  expect(header).toContain("current_level");
  expect(row).toContain(reference);
  expect(row).toContain(title);
  expect(row).toContain("HIGH");
});

test("the form shows the API's own messages beside the fields (the percent field its own, in percent), and nothing is saved", async ({ page, request }) => {
  const before = await request.get("/api/v1/risks?limit=1", { headers: asAdmin }).then((r) => r.json() as Promise<{ total: number }>);
  await page.goto("/risks/new");
  await hydrated(page);
  await page.getByLabel("Title").fill(unique("Accepted without a name"));
  await page.locator("#new-risk-target-likelihood").selectOption("A");
  await page.locator("#new-risk-target-consequence").selectOption("5");
  await page.getByLabel("Treatment").selectOption("accept");
  await page.getByLabel("Impact (% of users hit)").fill("200");
  await page.getByRole("button", { name: "Create risk" }).click();
  await expect(page.locator("#new-risk-acceptedBy")).toHaveAccessibleDescription(/Required for an accepted risk: who accepted it/);
  await expect(page.getByRole("group", { name: /^Target/ })).toContainText("Must not be worse than the current assessment (score 25 is above 12)");
  // The impact is typed in percent, and answered in percent (the API's "Must be at most 1" is for ratios).
  await expect(page.locator("#new-risk-impactFraction")).toHaveAccessibleDescription(/Enter a share of at most 100 %/);
  await expect(page).toHaveURL(/\/risks\/new$/);
  const after = await request.get("/api/v1/risks?limit=1", { headers: asAdmin }).then((r) => r.json() as Promise<{ total: number }>);
  expect(after.total).toBe(before.total);
});
