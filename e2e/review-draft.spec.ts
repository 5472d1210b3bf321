import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { shot } from "./shots";
import { adminToken, hydrated, unique } from "./fixtures";

// The current week's review is one for the whole organisation: this test reopens or starts it.
const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("a reload with unsaved review notes asks first (beforeunload), and the notes come back", async ({ page, request }) => {
  const weeks = (await (await request.get("/api/v1/reviews", { headers: asAdmin })).json()) as { weeks: { week: string; current: boolean; state: string }[] };
  const current = weeks.weeks.find((w) => w.current) as { week: string; state: string };
  if (current.state === "closed") await request.post(`/api/v1/reviews/${current.week}/reopen`, { headers: asAdmin });
  if (current.state === "not_started") expect((await request.post("/api/v1/reviews", { headers: asAdmin, data: { week: current.week } })).status()).toBeLessThan(300);

  await page.goto(`/reviews/${current.week}`);
  await hydrated(page);
  const text = `Decided: ${unique("move the canary")}`;
  await page.getByRole("textbox", { name: "Notes and decisions" }).fill(text);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("nines:draft:review:")));

  const kinds: string[] = [];
  page.once("dialog", (d) => {
    kinds.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(kinds).toEqual(["beforeunload"]);
  await hydrated(page);
  await expect(page.getByRole("textbox", { name: "Notes and decisions" })).toHaveValue(text);
  await expect(page.getByText("Draft restored")).toBeVisible();
  await expectAccessible(page, "review page with a restored draft");
  await shot(page, "review-draft-restored");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectAccessible(page, "review page with a restored draft at 390 px");
  await shot(page, "review-draft-restored");
  await page.getByRole("button", { name: /^Discard/ }).click();
  await expect(page.getByRole("textbox", { name: "Notes and decisions" })).not.toHaveValue(text);
});
