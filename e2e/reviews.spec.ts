import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };
const text = async (download: Download) => readFile((await download.path()) as string, "utf8");
const save = (page: Page, name: string) => Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]).then(([d]) => text(d));

test("hold this week's review: notes, close, an incident edited afterwards shows as changed; export Markdown and CSV; print without chrome", async ({ page, request }) => {
  const slug = unique("ledger");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Ledger ${slug.slice(-6)}`, tier: 1, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const now = Date.now();
  const created = await request.post("/api/v1/incidents", {
    headers: asAdmin,
    data: { title: unique("Ledger timeouts"), severity: "SEV2", startedAt: new Date(now - 4 * 60_000).toISOString(), resolvedAt: new Date(now - 2 * 60_000).toISOString(), impacts: [{ service: slug }] },
  });
  const incident = (await created.json()) as { id: string; reference: string; version: number };
  const weeks = (await (await request.get("/api/v1/reviews", { headers: asAdmin })).json()) as { weeks: { week: string; current: boolean; state: string }[] };
  const current = weeks.weeks.find((w) => w.current) as { week: string; state: string };
  // A retry finds the week closed by the first attempt: reopen it, as an admin would.
  if (current.state === "closed") await request.post(`/api/v1/reviews/${current.week}/reopen`, { headers: asAdmin });

  await page.goto("/reviews");
  await expectAccessible(page, "/reviews");
  await page.getByRole("link", { name: /this week's review/i }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${current.week}$`));
  await hydrated(page);
  if (current.state === "not_started") await page.getByRole("button", { name: "Start this review" }).click();
  const notes = page.getByRole("textbox", { name: "Notes and decisions" });
  await expect(notes).toBeVisible();
  await expectAccessible(page, "review page");

  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`^Ledger ${slug.slice(-6)}`) }) });
  await expect(row).toContainText("missed");
  await notes.fill(`Decided: **retry budget** for ${slug}`);
  await page.getByLabel("Attended").fill("Ana, Ben");
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.locator(".markdown strong")).toHaveText("retry budget");

  await page.getByRole("button", { name: "Close review" }).click();
  await page.getByRole("button", { name: "Close and freeze the figures" }).click();
  await expect(page.getByText(/^Closed .* by /)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Notes and decisions" })).toHaveCount(0);

  // The incident's end is corrected after the meeting: the review keeps its figures and says so.
  const edit = await request.patch(`/api/v1/incidents/${incident.id}`, { headers: asAdmin, data: { resolvedAt: new Date(now - 60_000).toISOString(), version: incident.version } });
  expect(edit.status()).toBe(200);
  await page.reload();
  const changes = page.locator("section", { has: page.getByRole("heading", { name: "Changed since the review" }) });
  await expect(changes).toContainText(`${incident.reference}'s end was corrected`);
  const incidents = page.locator("section", { has: page.getByRole("heading", { name: "Incidents of the week" }) });
  await expect(incidents.getByRole("row").filter({ hasText: incident.reference })).toContainText("changed since the review");
  await expect(row).toContainText("changed since the review");

  const markdown = await save(page, "Markdown");
  expect(markdown).toContain(`# Availability review ${current.week}`);
  expect(markdown).toContain(`${incident.reference}'s end was corrected`);
  expect(markdown).toContain(`Decided: **retry budget** for ${slug}`);
  expect(markdown).toContain("Attended: Ana, Ben");
  const csv = await save(page, "CSV");
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header).toContain("week_availability");
  expect(rows.find((r) => r.includes(`,${slug},`))).toContain(",no,");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
});
