import { expect, test } from "@playwright/test";
import { freeTierRank, unique } from "./fixtures";

test("an admin creates a tier and a service, and sees a validation error for a bad one", async ({ page, request }) => {
  const tierName = unique("Tier E2E");
  await page.goto("/settings/tiers");
  await page.getByLabel("Rank").fill(String(await freeTierRank(request)));
  await page.getByLabel("Name", { exact: true }).fill(tierName);
  await page.getByLabel("SLO target (%)").fill("99.95");
  await page.getByRole("button", { name: "Create tier" }).click();
  await expect(page.getByRole("cell", { name: tierName })).toBeVisible();
  await expect(page.getByText("99.95 %").first()).toBeVisible();

  // A bad slug: the API's message appears beside the field, and nothing is created.
  await page.goto("/services/new");
  await page.getByLabel("Slug").fill("Bad Slug!");
  await page.getByLabel("Name", { exact: true }).fill("Bad service");
  const tierSelect = page.getByLabel("Tier");
  const tierValue = await tierSelect.locator("option", { hasText: tierName }).getAttribute("value");
  await tierSelect.selectOption(tierValue ?? "");
  await page.getByRole("button", { name: "Create service" }).click();
  const slugInput = page.getByLabel("Slug");
  await expect(slugInput).toHaveAttribute("aria-invalid", "true");
  const describedBy = await slugInput.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy?.split(" ")[0]}"]`)).toContainText(
    "Use lowercase letters, digits and single hyphens",
  );
  await expect(page).toHaveURL(/\/services\/new$/);

  const slug = unique("checkout");
  await slugInput.fill(slug);
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bad service");
  await expect(page.getByText("99.95 %").first()).toBeVisible();

  await page.goto("/services");
  await expect(page.getByRole("link", { name: "Bad service" })).toBeVisible();
});
