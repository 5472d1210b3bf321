import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ADMIN, adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";
import { shot } from "./shots";

// Issue 19 item 1: an incident corrected while it runs, its roles, public updates, and every
// change on the timeline, as the person running it does it.

const asAdmin = { authorization: `Bearer ${adminToken()}` };

async function ongoingIncident(request: APIRequestContext, severity = "SEV3") {
  const slug = unique("corr");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Payments ${slug.slice(-6)}`, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const res = await request.post("/api/v1/incidents", {
    headers: asAdmin,
    data: { title: unique("Card payments failing"), severity, startedAt: new Date(Date.now() - 20 * 60_000).toISOString(), impacts: [{ service: slug, fraction: 0.3 }] },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; reference: string; version: number };
}

const panel = (page: Page, heading: string) => page.locator("section", { has: page.getByRole("heading", { name: heading, level: 2 }) });
const entry = (page: Page, text: string | RegExp) => panel(page, "Timeline").getByRole("listitem").filter({ hasText: text });

test("raise the severity with one click; the timeline says who, with a System mark", async ({ page, request }) => {
  const incident = await ongoingIncident(request, "SEV3");
  await page.goto(`/incidents/${incident.reference}`);
  await hydrated(page);
  await panel(page, "Details").getByRole("button", { name: "Raise to SEV2" }).click();
  await expect(page.locator(".incident-facts")).toContainText("SEV2");
  const raised = entry(page, `Severity raised from SEV3 to SEV2 by ${ADMIN.name}`);
  await expect(raised).toBeVisible();
  await expect(raised.getByText("System", { exact: true })).toBeVisible();
  // What people type carries no System mark.
  await page.getByLabel("Update", { exact: true }).fill("Card network says their side is fine");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(entry(page, "Card network says their side is fine")).toBeVisible();
  await expect(entry(page, "Card network says their side is fine").getByText("System", { exact: true })).toHaveCount(0);

  // Kind and title, one choice each.
  await panel(page, "Details").getByLabel("Kind").selectOption("maintenance");
  await expect(entry(page, `Kind changed from “unplanned” to “maintenance” by ${ADMIN.name}`)).toBeVisible();
  await panel(page, "Details").getByRole("button", { name: "Edit title" }).click();
  await panel(page, "Details").getByLabel("Title").fill("Card payments failing in the EU");
  await panel(page, "Details").getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Card payments failing in the EU");
  await expect(entry(page, /^.*Title changed from .* to “Card payments failing in the EU”/)).toBeVisible();

  // Mitigated now moves the status, and that is on the timeline too.
  await page.getByRole("button", { name: "Mitigated now" }).click();
  await expect(entry(page, `Status changed from investigating to monitoring by ${ADMIN.name}`)).toBeVisible();
});

test("a one-click change on a version someone else changed says what they changed and sends it again", async ({ page, request }) => {
  const incident = await ongoingIncident(request, "SEV3");
  await page.goto(`/incidents/${incident.reference}`);
  await hydrated(page);
  // Hold the page's own refresh, so it still has the version it read when the other change lands.
  let frozen = true;
  await page.route(`**/api/v1/incidents/${incident.reference}`, (route) => (frozen && route.request().method() === "GET" ? route.abort() : route.continue()));
  expect((await request.patch(`/api/v1/incidents/${incident.id}`, { headers: asAdmin, data: { version: incident.version, title: "Renamed by a colleague" } })).status()).toBe(200);
  await panel(page, "Details").getByRole("button", { name: "Raise to SEV2" }).click();
  const alert = panel(page, "Details").getByRole("alert");
  await expect(alert).toContainText("Not saved:");
  frozen = false;
  await expect(alert).toContainText("Title changed from", { timeout: 15_000 });
  await alert.getByRole("button", { name: "Raise to SEV2 anyway" }).click();
  await expect(entry(page, `Severity raised from SEV3 to SEV2 by ${ADMIN.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Renamed by a colleague");
});

test("a public update is marked as one; an internal note is not", async ({ page, request }) => {
  const incident = await ongoingIncident(request);
  await page.goto(`/incidents/${incident.reference}`);
  await hydrated(page);
  await page.getByLabel("Update", { exact: true }).fill("Some card payments fail; we are working on it.");
  await page.getByLabel("Make it public").check();
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(entry(page, "Some card payments fail").getByText("Public update", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Make it public")).not.toBeChecked();
  await page.getByLabel("Update", { exact: true }).fill("Suspect the new fraud rules");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(entry(page, "Suspect the new fraud rules")).toBeVisible();
  await expect(entry(page, "Suspect the new fraud rules").getByText("Public update", { exact: true })).toHaveCount(0);
  const detail = await (await request.get(`/api/v1/incidents/${incident.id}`, { headers: asAdmin })).json();
  expect(detail.timeline.filter((e: { message: string }) => e.message).map((e: { public: boolean }) => e.public)).toEqual([true, false]);
});

test("take the commander role, hand it to someone without an account; shown at the top while it runs", async ({ page, request }) => {
  const incident = await ongoingIncident(request);
  await page.goto(`/incidents/${incident.reference}`);
  await hydrated(page);
  const roles = panel(page, "Roles");
  await expect(roles.getByRole("listitem").filter({ hasText: "Commander" })).toContainText("Unassigned");
  await roles.getByRole("button", { name: "Take it (Commander)" }).click();
  await expect(page.getByRole("list", { name: "Incident roles" })).toContainText(`Commander:${ADMIN.name}`);
  await expect(entry(page, `Commander: ${ADMIN.name} assigned by ${ADMIN.name}`)).toBeVisible();

  await roles.getByRole("button", { name: "Hand over… (Commander)" }).click();
  await roles.getByLabel("Who (Commander)").selectOption({ label: "Someone without an account…" });
  await roles.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(roles.getByText("Required")).toBeVisible();
  await roles.getByLabel("Their name").fill("Grace Hopper");
  await roles.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("list", { name: "Incident roles" })).toContainText("Commander:Grace Hopper (no account)");
  await expect(entry(page, `Commander: handed from ${ADMIN.name} to Grace Hopper (no account) by ${ADMIN.name}`)).toBeVisible();
  await expect(entry(page, "Commander: handed from").getByText("System", { exact: true })).toBeVisible();
});

// One test per width: an axe scan of the incident page takes a while on a busy machine.
for (const width of [1280, 390]) {
  test(`the incident page with roles held, a correction and a public update passes axe at ${width} px`, async ({ page, request }) => {
    const incident = await ongoingIncident(request);
    const settings = await (await request.get("/api/v1/settings", { headers: asAdmin })).json();
    expect(settings.incidentRoles).toContain("commander");
    const patched = await request.patch(`/api/v1/incidents/${incident.id}`, { headers: asAdmin, data: { version: incident.version, severity: "SEV1", roles: { commander: { name: "Grace Hopper" } } } });
    expect(patched.status()).toBe(200);
    expect((await request.post(`/api/v1/incidents/${incident.id}/events`, { headers: asAdmin, data: { type: "update", message: "Card payments fail for some customers; we are on it.", public: true } })).status()).toBe(201);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/incidents/${incident.reference}`);
    await hydrated(page);
    await expect(page.getByRole("list", { name: "Incident roles" })).toContainText("Commander:Grace Hopper (no account)");
    await expectAccessible(page, `incident page with roles at ${width} px`);
    await shot(page, "incident-correction");
  });
}

test("an admin lists the incident roles in Settings; the incident page offers them", async ({ page, request }) => {
  const before = await (await request.get("/api/v1/settings", { headers: asAdmin })).json();
  try {
    await page.goto("/settings");
    await hydrated(page);
    const box = page.getByLabel("Roles, one per line");
    await expect(box).toHaveValue(before.incidentRoles.join("\n"));
    await box.fill("commander\nTech Lead");
    await page.getByRole("button", { name: "Save incident roles" }).click();
    await expect(page.getByText("Line 2: Use lowercase letters and digits")).toBeVisible();
    await box.fill("commander\ntech_lead\nscribe");
    await page.getByRole("button", { name: "Save incident roles" }).click();
    await expect(page.getByText("Saved. Incidents offer Commander, Tech lead, Scribe.")).toBeVisible();
    const incident = await ongoingIncident(request);
    await page.goto(`/incidents/${incident.reference}`);
    await expect(panel(page, "Roles").getByRole("listitem").filter({ hasText: "Tech lead" })).toContainText("Unassigned");
  } finally {
    const now = await (await request.get("/api/v1/settings", { headers: asAdmin })).json();
    expect((await request.patch("/api/v1/settings", { headers: asAdmin, data: { incidentRoles: before.incidentRoles, version: now.version } })).status()).toBe(200);
  }
});

for (const width of [1280, 390]) {
  test(`Settings with its incident roles passes axe at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/settings");
    await hydrated(page);
    await expect(page.getByLabel("Roles, one per line")).toBeVisible();
    await expectAccessible(page, `/settings at ${width} px`);
    await page.getByRole("heading", { name: "Incident roles" }).scrollIntoViewIfNeeded();
    await shot(page, "settings-incident-roles", { fullPage: false });
  });
}
