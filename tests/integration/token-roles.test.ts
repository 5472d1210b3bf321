import { beforeAll, describe, expect, it } from "vitest";
import * as services from "@/app/api/v1/services/route";
import * as apiTokens from "@/app/api/v1/tokens/route";
import * as users from "@/app/api/v1/users/route";
import { call, unique } from "../support/api";
import { actorWithToken, patchUser, tokensForAllRoles, type Tokens } from "../support/fixtures";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

async function demote(userId: string, role: "viewer" | "editor") {
  const res = await patchUser(tokens.admin, userId, { role });
  expect(res.status).toBe(200);
}

describe("a token acts with the lesser of its own role and its owner's current role", () => {
  it("an admin token of an admin demoted to viewer can no longer manage users or tokens", async () => {
    const { actor, token } = await actorWithToken("admin");
    expect((await call(users.GET, { token })).status).toBe(200);
    await demote(actor.userId, "viewer");

    expect((await call(users.GET, { token })).status).toBe(403);
    const newToken = await call(apiTokens.POST, { method: "POST", token, body: { name: unique("t"), role: "admin" } });
    expect(newToken.status).toBe(403);
    const newUser = await call(users.POST, {
      method: "POST",
      token,
      body: { name: "Mallory", email: `${unique("m")}@example.test`, password: "a long enough password", role: "admin" },
    });
    expect(newUser.status).toBe(403);
    expect(newUser.body.message).toContain("you have viewer");
    // What a viewer may do, it still may.
    expect((await call(services.GET, { token })).status).toBe(200);
  });

  it("an admin token of an owner demoted to editor writes services but not users", async () => {
    const { actor, token } = await actorWithToken("admin");
    await demote(actor.userId, "editor");
    const slug = unique("svc");
    expect((await call(services.POST, { method: "POST", token, body: { slug, name: slug, tier: 1 } })).status).toBe(201);
    expect((await call(users.GET, { token })).status).toBe(403);
  });

  it("a viewer token of an admin stays a viewer", async () => {
    const { actor } = await actorWithToken("admin");
    const { secret } = (await call(apiTokens.POST, { method: "POST", token: tokens.admin, body: { name: unique("t"), role: "viewer" } })).body;
    expect(actor.role).toBe("admin");
    expect((await call(services.POST, { method: "POST", token: secret, body: { slug: unique("s"), name: "x", tier: 1 } })).status).toBe(403);
  });
});
