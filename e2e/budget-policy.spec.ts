import { expect, test } from "@playwright/test";
import { adminToken, freshTier, hydrated, signedIn, unique } from "./fixtures";
import { scanAndShoot, shot } from "./shots";

const asAdmin = { authorization: `Bearer ${adminToken()}` };
const HOUR = 3_600_000;

test("a service that spent its budget is frozen on its page and the overview; an urgent fix is let through and the freeze lifted, with reasons", async ({ page, request }) => {
  test.slow(); // two pages, two forms and two accessibility scans
  const tier = await freshTier(request, 0.999);
  const slug = unique("frozen");
  const name = `Frozen ${slug.slice(-6)}`;
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name, tier, measuredSince: new Date(Date.now() - 40 * 24 * HOUR).toISOString() } })).status()).toBe(201);
  // Down for a day this month: a 99.9 % month allows about 43 minutes.
  const startedAt = new Date(Date.now() - 26 * HOUR).toISOString();
  const resolvedAt = new Date(Date.now() - 2 * HOUR).toISOString();
  expect((await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: unique("Outage"), severity: "SEV1", startedAt, resolvedAt, impacts: [{ service: slug, fraction: 1 }] } })).status()).toBe(201);
  expect((await request.post(`/api/v1/budget-policy/evaluate?service=${slug}`, { headers: asAdmin })).status()).toBe(200);

  await page.goto(`/?q=${encodeURIComponent(name)}`);
  await hydrated(page);
  const note = page.getByRole("region", { name: /Frozen by their error-budget policy/ });
  await expect(note.getByRole("link", { name })).toBeVisible();
  await expect(note).toContainText("frozen since");

  await page.goto(`/services/${slug}`);
  await hydrated(page);
  const card = page.getByRole("region", { name: "Error-budget policy" });
  await expect(card).toContainText("Frozen since");
  await expect(card.getByRole("list", { name: "Why" })).toContainText("availability: budget spent");
  await scanAndShoot(page, "service-frozen");

  // An urgent fix: the form says what is missing beside the field, then records it.
  await card.getByText("Let an urgent fix through").click();
  await card.getByLabel("Release").fill("v9.9.1");
  await card.getByRole("button", { name: "Record exception" }).click();
  await expect(card.locator("#gate-exception-reason-error")).toHaveText("Say why");
  await card.getByLabel("Why it cannot wait").fill("Fixes the cause of the outage");
  await card.getByRole("button", { name: "Record exception" }).click();
  await expect(card.getByText("Release v9.9.1 may now pass the gate once.")).toBeVisible();
  const gate = await (await request.get(`/api/v1/services/${slug}/gate?release=v9.9.1`, { headers: asAdmin })).json();
  expect(gate).toMatchObject({ allowed: true, state: "frozen" });

  await card.getByText("Lift this freeze early").click();
  await card.getByLabel("Why lift it").fill("Launch agreed; watched closely");
  await card.getByRole("button", { name: "Lift freeze" }).click();
  await expect(card.locator(".policy-lead .badge")).toHaveText(/Caution/);
  await expect(card).toContainText("lifted early by");
  await scanAndShoot(page, "service-freeze-lifted");
});

test("an admin edits a tier's policy in percent, with errors beside the fields", async ({ page, request }) => {
  const rank = await freshTier(request, 0.995);
  const tiers = await (await request.get("/api/v1/tiers", { headers: asAdmin })).json();
  const tier = (tiers.tiers ?? tiers).find((t: { rank: number }) => t.rank === rank);
  await page.goto(`/settings/tiers/${tier.id}`);
  await hydrated(page);
  const form = page.getByRole("region", { name: "Error-budget policy" });
  await form.getByLabel("Caution under (% of budget left)").fill("lots");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.locator("#tier-policy-cautionBelow-error")).toHaveText("Enter a percentage from 0 to 100, such as 25");
  await form.getByLabel("Caution under (% of budget left)").fill("5");
  await form.getByLabel("Frozen at or under (% left)").fill("10");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.locator("#tier-policy-cautionBelow-error")).toHaveText("The caution threshold must be above the freezing threshold");
  await form.getByLabel("Caution under (% of budget left)").fill("40");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByText(/^Saved\./)).toBeVisible();
  const saved = await (await request.get(`/api/v1/tiers/${tier.id}/budget-policy`, { headers: asAdmin })).json();
  expect(saved).toMatchObject({ isDefault: false, policy: { cautionBelow: 0.4, freezeAtOrBelow: 0.1 } });
  await scanAndShoot(page, "tier-policy");
});

test("an admin overrides a service's policy field by field beside its tier's values, and clears it; a viewer only reads it", async ({ page, request, browser }) => {
  test.slow(); // four saves, a clear, accessibility scans at two widths and a viewer's sign-in
  const rank = await freshTier(request, 0.999);
  const slug = unique("override");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `Override ${slug.slice(-6)}`, tier: rank } })).status()).toBe(201);
  const tier = new RegExp(`Tier ${rank} · Tier-`);
  await page.goto(`/services/${slug}`);
  await hydrated(page);
  const card = page.getByRole("region", { name: "Error-budget policy" });
  await expect(card).toContainText("Every value is Tier");
  await card.getByText("Set this service's own values").click();
  const caution = card.getByLabel("Caution under (% of budget left)");
  const freeze = card.getByLabel("Frozen at or under (% left)");
  await expect(caution).toHaveValue("");
  await expect(card.locator("#service-policy-cautionBelow-hint")).toHaveText(new RegExp(`${tier.source}.*: 25\\s%; which this service inherits\\.`));

  // Frozen at 30 % under the tier's caution at 25 %: the server's message beside the caution field, what was typed kept.
  await freeze.fill("30");
  await card.getByRole("button", { name: "Save overrides" }).click();
  await expect(card.locator("#service-policy-cautionBelow-error")).toHaveText("The caution threshold must be above the freezing threshold");
  await expect(freeze).toHaveValue("30");
  await expect(card.locator("#service-policy-freezeAtOrBelow-hint")).toContainText("saving makes this service override it");
  await scanAndShoot(page, "service-policy-error");
  await caution.fill("40");
  await card.getByRole("button", { name: "Save overrides" }).click();
  await expect(card.getByRole("status")).toContainText("overrides 2 of its tier's 6 values");
  await expect(card.locator("#service-policy-cautionBelow-error")).toHaveCount(0);
  const values = card.locator(".policy-values");
  await expect(values).toContainText(/Caution under \(% of budget left\)\s*40\s% set for this service \(Tier \d+ · [^:]+: 25\s%\)/);
  await expect(values).toContainText(/Frozen at or under \(% left\)\s*30\s% set for this service/);
  await expect(values).toContainText(/Caution whatever is left\s*While burning fast or slowly from Tier/);
  await expect(card).toContainText("2 of 6 values set for this service; the others are Tier");
  const saved = await (await request.get(`/api/v1/services/${slug}/budget-policy`, { headers: asAdmin })).json();
  expect(saved.overrides).toEqual({ cautionBelow: 0.4, freezeAtOrBelow: 0.3, cautionOnBurn: null, freezeOnBurn: null, postmortemAbove: null, postmortemDays: null });
  expect(saved.policy).toMatchObject({ cautionBelow: 0.4, freezeAtOrBelow: 0.3, postmortemDays: 5 });
  await scanAndShoot(page, "service-policy-overrides");

  // One field back to the tier's value, then all of them.
  await card.getByRole("button", { name: "Use the tier's value for Frozen at or under (% left)" }).click();
  await expect(freeze).toHaveValue("");
  await expect(freeze).toBeFocused();
  await expect(card.locator("#service-policy-freezeAtOrBelow-hint")).toContainText("saving puts this service back on it");
  await card.getByRole("button", { name: "Save overrides" }).click();
  await expect(card.getByRole("status")).toContainText("overrides 1 of its tier's 6 values");
  await expect(values).toContainText(/Frozen at or under \(% left\)\s*0\s% from Tier/);
  await card.getByRole("button", { name: "Clear all overrides" }).click();
  await card.getByRole("group", { name: "Clear all overrides" }).getByRole("button", { name: "Clear all overrides" }).click();
  await expect(card.getByRole("status")).toContainText("Every value is Tier");
  await expect(caution).toHaveValue("");
  await expect(card).toContainText("Every value is Tier");
  await expect(values).toContainText(/Caution under \(% of budget left\)\s*25\s% from Tier/);
  expect((await (await request.get(`/api/v1/services/${slug}/budget-policy`, { headers: asAdmin })).json()).overrides).toEqual({ cautionBelow: null, freezeAtOrBelow: null, cautionOnBurn: null, freezeOnBurn: null, postmortemAbove: null, postmortemDays: null });
  const audit = await (await request.get(`/api/v1/audit?entity=${slug}`, { headers: asAdmin })).json();
  expect(audit.events.filter((e: { action: string }) => e.action === "update_budget_policy")).toHaveLength(3);
  await shot(page, "service-policy-cleared");

  // A viewer reads the same policy, without the form.
  const email = `${unique("policy-viewer")}@example.test`;
  const password = "viewer password 1234";
  expect((await request.post("/api/v1/users", { headers: asAdmin, data: { name: "Vera Viewer", email, password, role: "viewer" } })).status()).toBe(201);
  const viewer = await signedIn(browser, email, password);
  await viewer.page.goto(`/services/${slug}`);
  await hydrated(viewer.page);
  const seen = viewer.page.getByRole("region", { name: "Error-budget policy" });
  await expect(seen.locator(".policy-values")).toContainText(/Caution under \(% of budget left\)\s*25\s% from Tier/);
  await expect(seen.getByText("Set this service's own values")).toHaveCount(0);
  await expect(seen.getByRole("link", { name: /policy$/ })).toHaveCount(0);
  await viewer.context.close();
});
