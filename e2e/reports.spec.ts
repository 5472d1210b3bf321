import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";
import { scanAndShoot, shot } from "./shots";

const asAdmin = { authorization: `Bearer ${adminToken()}` };
const bytes = async (download: Download) => readFile((await download.path()) as string);
const save = (page: Page, name: string) => Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]).then(([d]) => bytes(d));

// October 2026: a month that is over, so its report can be published.
const PERIOD = "month:2026-10";

test("open a service's monthly report from the picker, read its figures, export PDF, Markdown and CSV, publish, print and unpublish", async ({ page, request }) => {
  // Five axe scans of a page with every widget, on a shared machine.
  test.setTimeout(240_000);
  const slug = unique("billing");
  const name = `Billing ${slug.slice(-6)}`;
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name, tier: 1, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const created = await request.post("/api/v1/incidents", {
    headers: asAdmin,
    data: { title: unique("Invoices not sent"), severity: "SEV2", startedAt: "2026-10-14T09:00:00Z", detectedAt: "2026-10-14T09:06:00Z", acknowledgedAt: "2026-10-14T09:10:00Z", mitigatedAt: "2026-10-14T10:00:00Z", resolvedAt: "2026-10-14T11:00:00Z", impacts: [{ service: slug }] },
  });
  expect(created.status()).toBe(201);
  const incident = (await created.json()) as { reference: string };

  await page.goto("/reports");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await scanAndShoot(page, "reports");
  await page.getByLabel("Period").selectOption(PERIOD);
  await page.getByLabel("Scope").selectOption({ label: name });
  await page.getByRole("button", { name: "Open report" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${PERIOD}\\?service=${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Availability report October 2026");
  await hydrated(page);

  const objectives = page.locator("section", { has: page.getByRole("heading", { name: "Objectives" }) });
  // Two hours down in October at tier 1's objective: missed.
  await expect(objectives.getByRole("row").filter({ has: page.getByRole("link", { name }) })).toContainText("missed");
  const incidents = page.locator("section", { has: page.getByRole("heading", { name: "Incidents and their cost" }) });
  await expect(incidents.getByRole("row").filter({ hasText: incident.reference })).toContainText("2h");
  const mttx = page.locator("section", { has: page.getByRole("heading", { name: "Mean times per week" }) });
  await expect(mttx.getByRole("row").filter({ hasText: "2026-W42" })).toContainText("6m");
  await expect(page.getByText("Not published")).toBeVisible();
  await scanAndShoot(page, "report");

  const pdf = await save(page, "PDF");
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const markdown = (await save(page, "Markdown")).toString("utf8");
  expect(markdown).toContain("# Availability report October 2026");
  expect(markdown).toContain(incident.reference);
  const csv = (await save(page, "CSV")).toString("utf8");
  expect(csv.split("\r\n")[0]).toContain("section");
  expect(csv).toContain(`incident,${slug},${incident.reference}`);

  await page.getByRole("button", { name: "Publish report" }).click();
  await page.getByRole("button", { name: "Publish and freeze the figures" }).click();
  await expect(page.getByText(/^Published .* by /)).toBeVisible();
  await expectAccessible(page, "published report");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shot(page, "report", { suffix: "-print" });
  await page.emulateMedia({ media: "screen" });

  // An admin withdraws it: the figures are live again (and a rerun starts from an unpublished report).
  await page.getByRole("button", { name: "Unpublish" }).click();
  await page.getByRole("button", { name: "Unpublish: figures become live again" }).click();
  await expect(page.getByText("Not published")).toBeVisible();
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Published reports" })).toBeVisible();
});
