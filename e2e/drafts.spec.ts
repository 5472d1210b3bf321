import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { shot } from "./shots";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

async function service(request: APIRequestContext): Promise<{ slug: string; name: string }> {
  const slug = unique("drafts");
  const name = `Drafts ${slug.slice(-6)}`;
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  return { slug, name };
}

const panel = (page: Page, heading: string) => page.locator("section", { has: page.getByRole("heading", { name: heading, level: 2 }) });
const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

async function incident(request: APIRequestContext): Promise<string> {
  const { slug } = await service(request);
  const created = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: unique("Queue stalls"), severity: "SEV3", startedAt: new Date(Date.now() - 600_000).toISOString(), impacts: [{ service: slug }] } });
  return ((await created.json()) as { reference: string }).reference;
}

test("a summary typed on an incident survives a navigation: the page asks first, keeps a draft and restores it with a note", async ({ page, request }) => {
  const reference = await incident(request);
  const typed = "Consumers stopped after the broker restart; backlog drained by 10:40.";

  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await panel(page, "Summary").getByRole("button", { name: "Edit summary" }).click();
  await page.getByLabel("Summary (Markdown)").fill(typed);

  // An in-app link asks first; saying no stays on the page with the text.
  const questions: string[] = [];
  page.once("dialog", (d) => {
    questions.push(d.message());
    void d.dismiss();
  });
  await nav(page, "Services").click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain("unsaved text (Summary)");
  await expect(page).toHaveURL(new RegExp(`/incidents/${reference}$`));
  await expect(page.getByLabel("Summary (Markdown)")).toHaveValue(typed);

  // Saying yes leaves, and the text comes back as a draft with a note saying so.
  page.once("dialog", (d) => void d.accept());
  await nav(page, "Services").click();
  await expect(page).toHaveURL(/\/services$/);
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await expect(panel(page, "Summary").getByRole("status")).toContainText("Draft restored");
  await expect(page.getByLabel("Summary (Markdown)")).toHaveValue(typed);
});

for (const width of [1280, 390]) {
  test(`the incident page with a restored draft passes axe at ${width} px`, async ({ page, request }) => {
    const reference = await incident(request);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/incidents/${reference}`);
    await hydrated(page);
    await panel(page, "Postmortem").getByRole("button", { name: "Edit postmortem" }).click();
    await page.getByLabel("Postmortem (Markdown)").fill("## Impact\nCheckout failed for 12 minutes.");
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith(":postmortem")));
    page.once("dialog", (d) => void d.accept());
    await page.reload();
    await hydrated(page);
    await expect(panel(page, "Postmortem").getByRole("status")).toContainText("Draft restored");
    await expectAccessible(page, `incident page with a restored draft at ${width} px`);
    await shot(page, "incident-draft-restored");
  });
}

test("a saved summary leaves no draft and no question; a discarded draft is gone for good", async ({ page, request }) => {
  const reference = await incident(request);
  const typed = "Consumers stopped after the broker restart.";
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await panel(page, "Summary").getByRole("button", { name: "Edit summary" }).click();
  await page.getByLabel("Summary (Markdown)").fill(typed);

  // Saved: no draft, no question on leaving, nothing restored next time.
  await panel(page, "Summary").getByRole("button", { name: "Save summary" }).click();
  await expect(panel(page, "Summary")).toContainText(typed);
  await expect(panel(page, "Summary").getByRole("textbox")).toHaveCount(0);
  await nav(page, "Services").click();
  await expect(page).toHaveURL(/\/services$/);
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await expect(panel(page, "Summary")).not.toContainText("Draft restored");

  // A draft can be discarded: the saved text is back and the draft is gone for good.
  await panel(page, "Root cause").getByRole("button", { name: "Edit root cause" }).click();
  await page.getByLabel("Root cause (Markdown)").fill("A half-typed thought");
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("nines:draft:incident:") && k.endsWith(":rootCause")));
  await page.reload({ waitUntil: "commit" }).catch(() => undefined);
  await page.waitForURL(new RegExp(`/incidents/${reference}$`));
  await hydrated(page);
  await expect(page.getByLabel("Root cause (Markdown)")).toHaveValue("A half-typed thought");
  await panel(page, "Root cause").getByRole("button", { name: /^Discard/ }).click();
  await expect(panel(page, "Root cause")).toContainText("No root cause yet.");
  await page.reload();
  await hydrated(page);
  await expect(panel(page, "Root cause").getByRole("textbox")).toHaveCount(0);
});

test("the risk form keeps a draft; a title too long gets a message beside it and is not cut", async ({ page }) => {
  await page.goto("/risks/new");
  await hydrated(page);
  const title = unique("Certificates expire unnoticed");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Cause").fill("Renewal is manual");
  page.once("dialog", (d) => void d.accept());
  await nav(page, "Incidents").click();
  await expect(page).toHaveURL(/\/incidents$/);
  await page.goto("/risks/new");
  await hydrated(page);
  await expect(page.getByText("Draft restored")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Cause")).toHaveValue("Renewal is manual");

  const long = "A".repeat(5000);
  await page.getByLabel("Title").fill(long);
  await expect(page.getByLabel("Title")).toHaveValue(long); // not cut to 120
  await page.getByRole("button", { name: "Create risk" }).click();
  await expect(page.locator("#new-risk-title-error")).toHaveText("Must be at most 120 characters");
  await expect(page.getByLabel("Title")).toBeFocused();
  await expectAccessible(page, "/risks/new with a restored draft and an error");
  await shot(page, "risk-new-draft-error");
});

test("on a phone, the risk form's restored draft and its length message pass axe", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto("/risks/new");
  await hydrated(page);
  await page.getByLabel("Title").fill("C".repeat(300));
  page.once("dialog", (d) => void d.accept());
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k === "nines:draft:risk:new"));
  await page.reload();
  await hydrated(page);
  await expect(page.getByText("Draft restored")).toBeVisible();
  await page.getByRole("button", { name: "Create risk" }).click();
  await expect(page.locator("#new-risk-title-error")).toHaveText("Must be at most 120 characters");
  await expectAccessible(page, "/risks/new at 390 px");
  await shot(page, "risk-new-draft-error");
});

test("declaring from a service's page starts with that service; a 5,000-character title is refused beside the field, not cut", async ({ page, request }) => {
  const { slug, name } = await service(request);
  await page.goto(`/services/${slug}`);
  await hydrated(page);
  await page.getByRole("link", { name: `Declare incident on ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/new\\?service=${slug}$`));
  await hydrated(page);
  await expect(page.getByRole("list", { name: "Services hit" })).toContainText(name);
  const long = "B".repeat(5000);
  await page.getByLabel("What is happening?").fill(long);
  await expect(page.getByLabel("What is happening?")).toHaveValue(long);
  await page.getByRole("button", { name: "Declare incident", exact: true }).click();
  await expect(page.locator("#declare-title-error")).toHaveText("Must be at most 120 characters");
  await expect(page).toHaveURL(/\/incidents\/new/);
  await expectAccessible(page, "/incidents/new?service at 1280 px");
  await shot(page, "declare-from-service");
  // The service page itself is scanned at both sizes by accessibility.spec.ts.
  await page.goto(`/services/${slug}`);
  await shot(page, "service-declare-button");
});

test("on a phone, the declare form started from a service passes axe", async ({ page, request }) => {
  const { slug, name } = await service(request);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`/incidents/new?service=${slug}`);
  await hydrated(page);
  await expect(page.getByRole("list", { name: "Services hit" })).toContainText(name);
  await expectAccessible(page, "/incidents/new?service at 390 px");
  await shot(page, "declare-from-service");
});
