import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { adminToken, HISTORY_FROM, hydrated, unique } from "./fixtures";
import { scanAndShoot } from "./shots";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

/** A receiver on this machine that keeps each request's headers and body as they arrived. */
async function receiver() {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { got, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, close: () => new Promise((r) => server.close(r)) };
}

test("an admin adds a signed webhook: the secret is shown once, a test arrives signed, a metadata address is refused beside the field", async ({ page }) => {
  const hook = await receiver();
  try {
    await page.goto("/settings/notifications");
    await hydrated(page);
    const form = page.getByRole("form", { name: "Add a channel" });
    const name = unique("on-call hook");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("URL").fill("http://169.254.169.254/latest/meta-data");
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByText(/link-local or metadata/)).toBeVisible();
    await expect(form.getByLabel("URL")).toBeFocused();
    await form.getByLabel("URL").fill(hook.url);
    await form.getByRole("button", { name: "Add channel" }).click();
    const secret = (await form.getByLabel("Signing secret").textContent()) ?? "";
    expect(secret).toMatch(/^nsec_/);
    await form.getByRole("button", { name: "I have stored it" }).click();
    await expect(form.getByLabel("Signing secret")).toHaveCount(0);

    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByRole("button", { name: `Send test to ${name}` }).click();
    await expect(row.getByRole("status")).toHaveText("✓ Test delivered.");
    expect(hook.got).toHaveLength(1);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hook.got[0]?.headers["x-nines-signature"])) ?? [];
    expect(createHmac("sha256", secret).update(`${t}.${hook.got[0]?.body}`).digest("hex")).toBe(v1);
    await expectAccessible(page, "/settings/notifications at 1280 px");
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, "/settings/notifications at 390 px");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The channel's page: its delivery log shows the test with its attempt.
    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: `Test from Nines to ${name}` })).toContainText("Delivered");
    await expectAccessible(page, "a channel's delivery log at 390 px");
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page, "a channel's delivery log at 1280 px");
    await page.request.delete(`/api/v1/notification-channels/${page.url().split("/").pop()}`, { headers: asAdmin });
  } finally {
    await hook.close();
  }
});

test("the status page: published from Settings, read without signing in or JavaScript, public updates only", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const slug = unique("storefront");
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name: "Storefront internal name", tier: 1, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  const component = unique("Storefront");
  await page.goto("/settings/status-page");
  await hydrated(page);
  const form = page.getByRole("form", { name: "Status page settings" });
  const before = { enabled: await form.getByRole("checkbox").isChecked(), title: await form.getByLabel("Title").inputValue(), components: await form.getByLabel("Components").inputValue() };
  await form.getByRole("checkbox").check();
  await form.getByLabel("Components").fill(`${component} = no-such-service`);
  await form.getByRole("button", { name: "Save status page" }).click();
  await expect(form.getByText("Line 1: No service has the id or slug 'no-such-service'")).toBeVisible();
  await form.getByLabel("Components").fill(`${component} = ${slug}`);
  await form.getByLabel("Title").fill("Acme status");
  await form.getByRole("button", { name: "Save status page" }).click();
  await expect(form.getByRole("status")).toContainText("The status page is public at /status");
  await expectAccessible(page, "/settings/status-page");

  const incident = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: "INTERNAL: cache stampede on rack 4", severity: "SEV1", startedAt: new Date(Date.now() - 600_000).toISOString(), impacts: [{ service: slug, fraction: 0.5 }] } });
  const ref = (await incident.json()).reference as string;
  await request.post(`/api/v1/incidents/${ref}/events`, { headers: asAdmin, data: { type: "update", message: "PRIVATE: the on-call is Bob" } });
  await request.post(`/api/v1/incidents/${ref}/events`, { headers: asAdmin, data: { type: "update", message: "Some pages load slowly; we are on it.", public: true } });
  // Planned work entered ahead: listed as scheduled, not ongoing, and not in the state.
  const planned = await request.post("/api/v1/incidents", { headers: asAdmin, data: { title: "INTERNAL: swap the storefront's disks", publicTitle: "Storefront upgrade", severity: "SEV4", kind: "maintenance", startedAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), resolvedAt: new Date(Date.now() + 2 * 86_400_000 + 7_200_000).toISOString(), impacts: [{ service: slug }] } });
  expect(planned.status()).toBe(201);

  // The incident page says what readers outside see, and sets a public title in place.
  await page.goto(`/incidents/${ref}`);
  await hydrated(page);
  await expect(page.getByText("Not set: readers outside the team see “Investigating an issue with …”, with the status page's names for its services")).toBeVisible();
  await page.getByRole("button", { name: "Edit public title" }).click();
  await expect(page.getByLabel("Public title")).toBeFocused();
  await page.getByLabel("Public title").fill("Slow pages on the storefront");
  await page.getByRole("button", { name: "Save public title" }).click();
  await expect(page.getByText("“Slow pages on the storefront”")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit public title" })).toBeFocused();

  const outside = await browser.newContext({ javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  try {
    const reader = await outside.newPage();
    for (const width of [1280, 390]) {
      await reader.setViewportSize({ width, height: 844 });
      await reader.goto("/status");
      await expect(reader.getByRole("heading", { level: 1, name: "Acme status" })).toBeVisible();
      await expect(reader.getByRole("status")).toHaveText(/Partial outage/);
      await expect(reader.getByRole("heading", { name: "Slow pages on the storefront" })).toBeVisible();
      await expect(reader.getByText("Some pages load slowly; we are on it.")).toBeVisible();
      const scheduled = reader.locator("section", { has: reader.getByRole("heading", { level: 2, name: "Scheduled maintenance" }) });
      await expect(scheduled.getByRole("heading", { name: "Storefront upgrade" })).toBeVisible();
      await expect(scheduled).toContainText("Planned work: it has not started.");
      const text = (await reader.locator("body").textContent()) ?? "";
      for (const secret of ["INTERNAL", "PRIVATE", "Storefront internal name", ref, "SEV1"]) expect(text).not.toContain(secret);
      await expect(reader.getByRole("img", { name: new RegExp(`^${component}: .* over 90 days`) })).toBeVisible();
      expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    // Following it, still without JavaScript: a private address is refused beside its field; an email gets a confirmation.
    const webhookForm = reader.getByRole("form", { name: "Updates by webhook" });
    await webhookForm.getByLabel("By webhook (JSON)").fill("http://127.0.0.1:9/hook");
    await webhookForm.getByRole("button", { name: "Subscribe a webhook" }).click();
    await expect(reader.getByRole("form", { name: "Updates by webhook" }).getByText(/Must be a public address/)).toBeVisible();
    await expect(reader.getByLabel("By webhook (JSON)")).toHaveAttribute("aria-invalid", "true");
    await reader.getByRole("form", { name: "Updates by email" }).getByLabel("By email").fill(`${unique("reader")}@example.test`);
    await reader.getByRole("button", { name: "Subscribe by email" }).click();
    await expect(reader.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
    // axe runs as a script in the page: the same HTML, read with scripts on.
    const scanner = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    for (const width of [1280, 390]) {
      await scanner.setViewportSize({ width, height: 844 });
      await scanner.goto("/status");
      await expectAccessible(scanner, `/status at ${width} px`);
    }
    await scanner.context().close();
  } finally {
    await outside.close();
    // Put the page back as this test found it.
    await page.goto("/settings/status-page");
    await hydrated(page);
    await form.getByRole("checkbox").setChecked(before.enabled);
    await form.getByLabel("Title").fill(before.title);
    await form.getByLabel("Components").fill(before.components || `${component} = ${slug}`);
    await form.getByRole("button", { name: "Save status page" }).click();
    await expect(form.getByRole("status")).toBeVisible();
  }
});

test("an admin sends the monthly report to a channel: the events are offered in groups, the subscription says whose report", async ({ page, request }) => {
  const created = await request.post("/api/v1/notification-channels", { headers: asAdmin, data: { name: unique("sre leads"), type: "email", to: ["sre-leads@example.test"] } });
  expect(created.status()).toBe(201);
  const channel = (await created.json()) as { id: string; name: string };
  try {
    await page.goto("/settings/notifications");
    await hydrated(page);
    const form = page.getByRole("form", { name: "Add a subscription" });
    const reports = form.getByRole("group", { name: "Period reports" });
    await expect(reports.getByRole("checkbox")).toHaveCount(3);
    await expect(form.getByRole("group", { name: "Objectives and the error-budget policy" }).getByLabel("Service frozen by its error-budget policy")).toBeVisible();
    // Only the report: the two incident events ticked by default are unticked.
    await form.getByRole("group", { name: "Incidents" }).getByLabel("Incident declared").uncheck();
    await form.getByRole("group", { name: "Incidents" }).getByLabel("Incident resolved").uncheck();
    await reports.getByLabel("Monthly report").check();
    await form.getByRole("group", { name: "Channels" }).getByLabel(`${channel.name} (internal)`).check();
    await form.getByRole("button", { name: "Add subscription" }).click();
    await expect(form.getByRole("status")).toContainText("Subscription added");
    const row = page.getByRole("row").filter({ hasText: channel.name }).filter({ hasText: "Monthly report" });
    await expect(row).toContainText("the whole organisation's report");
    await page.getByRole("heading", { name: "Subscriptions" }).scrollIntoViewIfNeeded();
    await scanAndShoot(page, "settings-notifications-reports");
  } finally {
    await request.delete(`/api/v1/notification-channels/${channel.id}`, { headers: asAdmin });
  }
});
