import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, hydrated, signedIn, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

async function service(request: APIRequestContext, name: string, dependsOn: string[] = []) {
  const slug = unique(name.toLowerCase().replace(/\W+/g, "-"));
  const res = await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: `${name} ${slug.slice(-6)}`, tier: 2, dependsOn, measuredSince: HISTORY_FROM } });
  expect(res.status()).toBe(201);
  return slug;
}

async function incident(request: APIRequestContext, data: Record<string, unknown>) {
  const res = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: unique("Outage"), severity: "SEV2", startedAt: new Date(Date.now() - 30 * 60_000).toISOString(), ...data } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; reference: string; version: number };
}

/** The section of the incident page under a heading. */
const panel = (page: Page, heading: string) => page.locator("section", { has: page.getByRole("heading", { name: heading, level: 2 }) });

test("declare an ongoing incident by keyboard on two services, one partial; update, acknowledge, resolve; see what it cost", async ({ page, request }) => {
  const db = await service(request, "Ledger");
  const api = await service(request, "Billing", [db]);
  await page.goto("/services");
  await hydrated(page);
  // The shell's shortcut, from any page.
  await page.keyboard.press("Alt+Shift+D");
  await expect(page).toHaveURL(/\/incidents\/new$/);
  await hydrated(page);
  await expectAccessible(page, "/incidents/new");

  const title = unique("Billing errors");
  await page.keyboard.type(title); // the title has focus
  await page.keyboard.press("Tab");
  await page.keyboard.type(db);
  await page.keyboard.press("Enter");
  // The service that depends on the one chosen is offered: take it (keyboard only), at 40 % failing.
  await page.getByRole("button", { name: new RegExp(`^Add Billing`) }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("textbox", { name: "Requests failing" }).nth(1).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("40");
  await page.getByRole("combobox", { name: "Services hit" }).focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByText("investigating").first()).toBeVisible();
  await expect(page.getByText(/Ongoing for/)).toBeVisible();
  await expectAccessible(page, "incident page");

  await page.getByLabel("Update").fill("Rolled back the billing deploy");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(panel(page, "Timeline")).toContainText("Rolled back the billing deploy");

  await page.getByRole("button", { name: "Acknowledged now" }).click();
  await expect(panel(page, "Milestones").getByRole("listitem").filter({ hasText: "Acknowledged" })).not.toContainText("not yet");
  await page.getByRole("button", { name: "Resolved now" }).click();
  await expect(page.getByText("resolved").first()).toBeVisible();
  await expect(page.getByText(/^Lasted /)).toBeVisible();

  const cost = panel(page, "Impact and what it cost");
  await expect(cost.getByRole("listitem").filter({ hasText: db })).toContainText(/of .*'s budget for/);
  await expect(cost.getByRole("listitem").filter({ hasText: api })).toContainText("40 % of requests failing");
  await expect(cost.getByRole("listitem").filter({ hasText: api })).toContainText(/\d+(m|h|s).* — .*%/);
});

test("a second responder sees an update within 10 s without reloading", async ({ page, browser, request }) => {
  const svc = await service(request, "Search");
  const { reference } = await incident(request, { impacts: [{ service: svc }] });
  const { context: other, page: otherPage } = await signedIn(browser);
  await otherPage.goto(`/incidents/${reference}`);
  await hydrated(otherPage);
  await expect(otherPage.getByText("Updates live")).toBeVisible();

  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  const text = unique("Cache warmed, latency back to normal");
  await page.getByLabel("Update").fill(text);
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(panel(page, "Timeline")).toContainText(text);
  // No reload on the other side: the page keeps itself current.
  await expect(panel(otherPage, "Timeline")).toContainText(text, { timeout: 10_000 });
  await page.getByRole("button", { name: "Acknowledged now" }).click();
  await expect(panel(otherPage, "Milestones").getByRole("listitem").filter({ hasText: "Acknowledged" })).not.toContainText("not yet", { timeout: 10_000 });
  await other.close();
});

test("a stale edit shows who changed the incident, keeps what was typed, and saves on the second try", async ({ page, request }) => {
  const svc = await service(request, "Catalog");
  const { id, reference } = await incident(request, { impacts: [{ service: svc }] });
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await panel(page, "Summary").getByRole("button", { name: "Edit summary" }).click();
  const typed = "Catalog API returned 500s after the 14:02 deploy.";
  await page.getByLabel("Summary (Markdown)").fill(typed);
  // Meanwhile someone else changes the incident.
  const current = await (await request.get(`/api/v1/incidents/${id}`, { headers: asAdmin })).json();
  expect((await request.patch(`/api/v1/incidents/${id}`, { headers: asAdmin, data: { version: current.version, severity: "SEV1" } })).status()).toBe(200);
  await panel(page, "Summary").getByRole("button", { name: "Save summary" }).click();
  await expect(panel(page, "Summary").getByRole("alert")).toContainText(/Not saved: .* changed it at \d{4}-\d{2}-\d{2} \d{2}:\d{2} \([A-Za-z_/+-]+\)/);
  await expect(page.getByLabel("Summary (Markdown)")).toHaveValue(typed);
  await panel(page, "Summary").getByRole("button", { name: "Save summary" }).click();
  await expect(panel(page, "Summary")).toContainText(typed);
  await expect(panel(page, "Summary").getByRole("textbox")).toHaveCount(0);
});

test("a postmortem with <script> and a javascript: link renders inert", async ({ page, request }) => {
  const svc = await service(request, "Reviews");
  const { reference } = await incident(request, {
    resolvedAt: new Date().toISOString(),
    impacts: [{ service: svc }],
    postmortem: "## What happened\n<script>window.__pwned = 1</script>\n\n[the runbook](javascript:window.__pwned=2) and <img src=x onerror=\"window.__pwned=3\">",
  });
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  const postmortem = panel(page, "Postmortem");
  await expect(postmortem.getByRole("heading", { name: "What happened" })).toBeVisible();
  await expect(postmortem).toContainText("<script>window.__pwned = 1</script>");
  await expect(postmortem.locator("script, img")).toHaveCount(0);
  await expect(postmortem.locator("a[href^='javascript']")).toHaveCount(0);
  await postmortem.getByText("the runbook").click();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test("a viewer sees everything and can change nothing", async ({ browser, request }) => {
  const svc = await service(request, "Inventory");
  const { id, reference } = await incident(request, { impacts: [{ service: svc }], summary: "Inventory sync stalled." });
  const email = `${unique("viewer")}@example.test`;
  const password = "viewer password 1234";
  expect((await request.post("/api/v1/users", { headers: asAdmin, data: { name: "Vic Viewer", email, password, role: "viewer" } })).status()).toBe(201);
  const { context, page } = await signedIn(browser, email, password);
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await expect(page.getByText("Inventory sync stalled.")).toBeVisible();
  await expect(panel(page, "Timeline")).toContainText("declared: impact began");
  await expect(page.getByRole("button", { name: "Post", exact: true })).toHaveCount(0);
  for (const name of ["Edit impacts", "Acknowledged now", "Edit summary", "Add", `Delete ${reference}`]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(page.getByRole("link", { name: "Declare incident" })).toHaveCount(0);
  // The API refuses the viewer's writes too: from the app's own origin, so the role decides.
  const headers = { origin: new URL(page.url()).origin };
  const patch = await page.request.patch(`/api/v1/incidents/${id}`, { headers, data: { version: 1, title: "x" } });
  expect(patch.status()).toBe(403);
  expect((await patch.json()).message).toContain("needs the editor role");
  expect((await page.request.post(`/api/v1/incidents/${id}/events`, { headers, data: { type: "note", message: "x" } })).status()).toBe(403);
  await context.close();
});

test("bad values show the server's message beside their field", async ({ page, request }) => {
  const svc = await service(request, "Orders");
  await page.goto("/incidents/new");
  await hydrated(page);
  await page.getByRole("button", { name: "Declare incident" }).last().click();
  await expect(page.getByText("Required").first()).toBeVisible();
  await expect(page.getByText("Name at least one impacted service")).toBeVisible();

  await page.getByLabel("What is happening?").fill("Orders stuck");
  await page.getByRole("combobox", { name: "Services hit" }).fill(svc);
  await page.keyboard.press("Enter");
  await page.getByRole("textbox", { name: "Requests failing" }).fill("0");
  await page.getByRole("button", { name: "Declare incident" }).last().click();
  await expect(page.getByText("Enter a share above 0 % (0 % is no impact)")).toBeVisible();

  const { reference } = await incident(request, { impacts: [{ service: svc }], resolvedAt: new Date().toISOString() });
  await page.goto(`/incidents/${reference}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Edit impacts" }).click();
  await page.getByLabel(/^Own start/).fill("2020-01-01T00:00");
  await page.getByRole("button", { name: "Save impacts" }).click();
  await expect(panel(page, "Impact and what it cost")).toContainText("Must not be before the incident's startedAt");

  await page.getByLabel("New action item").fill("Add a dead-letter queue");
  await page.getByLabel("Due").fill("1960-01-01");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(panel(page, "Action items")).toContainText("Must be between 1970-01-01 and 9999-12-31");
  await page.getByLabel("Due").fill("2030-01-01");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(panel(page, "Action items").getByRole("listitem").filter({ hasText: "Add a dead-letter queue" })).toContainText("due 2030-01-01");

  await panel(page, "Milestones").getByRole("button", { name: "Edit time (Impact began)" }).click();
  await page.getByLabel(/^Impact began/).fill("2099-01-01T00:00");
  await panel(page, "Milestones").getByRole("button", { name: "Save" }).click();
  await expect(panel(page, "Milestones")).toContainText(/Must not be before impact began|Must not be before/);
});

test("the list pins ongoing incidents, filters in the URL, and passes an axe scan", async ({ page, request }) => {
  const svc = await service(request, "Edge");
  const ongoing = await incident(request, { title: unique("Edge ongoing"), severity: "SEV1", impacts: [{ service: svc }] });
  const past = await incident(request, { title: unique("Edge past"), startedAt: "2026-01-05T10:00:00Z", resolvedAt: "2026-01-05T10:20:00Z", impacts: [{ service: svc, fraction: 0.5 }] });
  await page.goto(`/incidents?service=${svc}`);
  const pinned = page.locator("section", { has: page.getByRole("heading", { name: /Ongoing/ }) });
  await expect(pinned.getByRole("link", { name: new RegExp(ongoing.reference) })).toBeVisible();
  await expect(pinned).toContainText("ongoing for");
  const resolved = page.locator("section", { has: page.getByRole("heading", { name: /Resolved/ }) });
  // 20 minutes at half the requests: 10 minutes of downtime on the service, from the engine.
  await expect(resolved.getByRole("row").filter({ hasText: past.reference })).toContainText("10m");
  await page.getByLabel("Status").selectOption("resolved");
  await expect(page).toHaveURL(/status=resolved/);
  await expect(page.getByRole("heading", { name: /Ongoing/ })).toHaveCount(0);
  await expectAccessible(page, "/incidents");
  await page.goto("/incidents?from=2026-13-45");
  await expect(page.getByText("Must be a date on the calendar, e.g. 2026-12-24")).toBeVisible();
});
