import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { shot } from "./shots";
import { adminToken, hydrated, unique, HISTORY_FROM } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("the risk form: likelihoods in whole sentences, how a score is read, the service type-ahead", async ({ page, request }) => {
  const slug = unique("explain");
  const name = `Explain ${slug.slice(-6)}`;
  expect((await request.post("/api/v1/services", { headers: asAdmin, data: { slug, name, tier: 2, measuredSince: HISTORY_FROM } })).status()).toBe(201);
  await page.goto("/risks/new");
  await hydrated(page);
  const options = await page.locator("#new-risk-current-likelihood option").allTextContents();
  expect(options).toEqual([
    "A · Almost certain to occur in most circumstances",
    "B · Likely to occur frequently",
    "C · Possibly and likely to occur at some time",
    "D · Unlikely to occur but could happen",
    "E · May occur but only in rare circumstances",
  ]);
  await expect(page.locator("#matrix-explainer")).toContainText("the likelihood (A, almost certain, to E, rare) picks the row");
  await expect(page.locator("#matrix-explainer")).toContainText("LOW 1–6, MEDIUM 7–15, HIGH 16–22, CRITICAL 23–25");
  await expect(page.locator("#matrix-explainer")).toContainText("cell C4: score 19, HIGH");
  await page.getByText("Show the matrix").click();
  await expect(page.getByRole("table", { name: /Scores by likelihood/ }).getByRole("row", { name: /^C · Possible/ })).toContainText("19 HIGH");

  // The same type-ahead as declaring an incident: type, arrow, Enter.
  const picker = page.getByRole("combobox", { name: "Service" });
  await picker.fill(slug.slice(0, 12));
  await expect(page.getByRole("option", { name: new RegExp(name) })).toBeVisible();
  await picker.press("ArrowDown");
  await page.getByRole("option", { name: new RegExp(name) }).click();
  await expect(page.locator(".chosen-service")).toContainText(name);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `/risks/new at ${width} px`);
    await shot(page, "risk-new-explained");
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel("Title").fill(unique("Explained risk"));
  await page.getByRole("button", { name: "Create risk" }).click();
  await expect(page).toHaveURL(/\/risks\/RISK-\d+$/);
  await expect(page.getByRole("link", { name: slug, exact: true })).toBeVisible();
});

test("the stack rank pages past its top 10", async ({ page, request }) => {
  const owner = unique("ranker");
  const assessment = { likelihood: "C", consequence: 3 };
  for (let i = 1; i <= 12; i++) {
    const res = await request.post("/api/v1/risks", {
      headers: asAdmin,
      data: { title: `Ranked ${owner} #${i}`, owner, inherent: assessment, current: assessment, target: assessment, ettdMinutes: 5, ettrMinutes: 10 * i, ettfDays: 365, impactFraction: 1 },
    });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/risks?owner=${owner}`);
  await hydrated(page);
  const stack = page.locator("section", { has: page.getByRole("heading", { name: "Stack rank by bad minutes" }) });
  await expect(stack.locator("tbody tr")).toHaveCount(10);
  await expect(stack).toContainText("Ranks 1–10 of 12 estimated risks");
  await expect(stack.locator("tbody tr").first()).toContainText(`Ranked ${owner} #12`);
  await stack.getByRole("link", { name: "Next 2" }).click();
  await expect(page).toHaveURL(/stack=2/);
  await expect(stack.locator("tbody tr")).toHaveCount(2);
  await expect(stack).toContainText("Ranks 11–12 of 12 estimated risks");
  await expect(stack.locator("tbody tr").first()).toContainText(`Ranked ${owner} #2`);
  await expect(stack.locator("tbody tr").first().locator("td").first()).toHaveText("11");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `/risks stack page 2 at ${width} px`);
    await shot(page, "risks-stack-page-2");
  }
  await stack.getByRole("link", { name: "Previous 10" }).click();
  await expect(stack).toContainText("Ranks 1–10 of 12 estimated risks");
});
