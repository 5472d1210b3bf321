import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ADMIN, adminToken, hydrated, unique } from "./fixtures";

const asAdmin = { authorization: `Bearer ${adminToken()}` };

test("an admin changes a role on the users page; an edit someone else overtook says who, and the row shows theirs", async ({ page, request }) => {
  const name = `Lin ${unique("user").slice(-8)}`;
  const created = await request.post("/api/v1/users", { headers: asAdmin, data: { name, email: `${unique("lin")}@example.test`, password: "a long enough password", role: "viewer" } });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id as string;
  const stored = async () => ((await (await request.get("/api/v1/users", { headers: asAdmin })).json()).users as { id: string; role: string; disabled: boolean; version: number }[]).find((u) => u.id === id);

  await page.goto("/settings/users");
  await hydrated(page);
  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByLabel(`Role for ${name}`).selectOption("editor");
  await row.getByRole("button", { name: `Change role of ${name}` }).click();
  await expect.poll(stored).toMatchObject({ role: "editor", version: 2 });
  await expect(row.getByRole("button", { name: `Change role of ${name}` })).toBeDisabled();
  // The page refreshes itself after a change; read it again so that refresh cannot land after the
  // script's change below (it would read version 3, and the edit would rightly not be stale).
  await page.reload();
  await hydrated(page);
  await expect(row.getByLabel(`Role for ${name}`)).toHaveValue("editor");

  // Meanwhile a script (the admin's token) disables the user, based on the version it read.
  expect((await request.patch(`/api/v1/users/${id}`, { headers: asAdmin, data: { disabled: true, version: 2 } })).status()).toBe(200);
  await row.getByLabel(`Role for ${name}`).selectOption("admin");
  await row.getByRole("button", { name: `Change role of ${name}` }).click();
  await expect(row.getByRole("alert")).toContainText(`${ADMIN.name} changed this user since this page was read; the row now shows that change`);
  // The row was read again (now disabled); the role chosen here is still selected, to apply again.
  await expect(row.getByText("disabled", { exact: true })).toBeVisible();
  await expect(row.getByLabel(`Role for ${name}`)).toHaveValue("admin");
  await expectAccessible(page, "/settings/users after a refused edit");
  await row.getByRole("button", { name: `Change role of ${name}` }).click();
  await expect.poll(stored).toMatchObject({ role: "admin", disabled: true, version: 4 });
});
