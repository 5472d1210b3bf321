import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import * as settings from "@/app/api/v1/settings/route";
import * as tiers from "@/app/api/v1/tiers/route";
import * as tokenItem from "@/app/api/v1/tokens/[id]/route";
import * as apiTokens from "@/app/api/v1/tokens/route";
import * as users from "@/app/api/v1/users/route";
import { call, unique } from "../support/api";
import { freeTierRank, tokensForAllRoles, type Tokens } from "../support/fixtures";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

describe("roles on the API", () => {
  it("answers 401 without a token and with an unknown one", async () => {
    for (const token of [null, "nines_not-a-real-token"]) {
      const res = await call(services.GET, { token });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe("unauthenticated");
    }
  });

  it("lets a viewer read but not write", async () => {
    expect((await call(services.GET, { token: tokens.viewer })).status).toBe(200);
    const write = await call(services.POST, { method: "POST", token: tokens.viewer, body: { slug: unique("v"), name: "x", tier: 1 } });
    expect(write.status).toBe(403);
    expect(write.body.error).toBe("forbidden");
    const del = await call(serviceItem.DELETE, { method: "DELETE", token: tokens.viewer, params: { slug: "anything" } });
    expect(del.status).toBe(403);
  });

  it("lets an editor change services but not tiers, settings, users or tokens", async () => {
    const slug = unique("ed");
    expect((await call(services.POST, { method: "POST", token: tokens.editor, body: { slug, name: "x", tier: 1 } })).status).toBe(201);
    const rank = await freeTierRank();
    expect((await call(tiers.POST, { method: "POST", token: tokens.editor, body: { rank, name: "x", sloTarget: 0.9 } })).status).toBe(403);
    expect((await call(settings.PATCH, { method: "PATCH", token: tokens.editor, body: { timeZone: "UTC" } })).status).toBe(403);
    expect((await call(users.GET, { token: tokens.editor })).status).toBe(403);
    expect((await call(apiTokens.POST, { method: "POST", token: tokens.editor, body: { name: "x", role: "admin" } })).status).toBe(403);
    expect((await call(audit.GET, { token: tokens.editor })).status).toBe(403);
  });

  it("lets an admin create a token that works once shown and stops working when revoked", async () => {
    const created = await call(apiTokens.POST, { method: "POST", token: tokens.admin, body: { name: unique("ci"), role: "viewer" } });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^nines_/);
    const listed = await call(apiTokens.GET, { token: tokens.admin });
    const row = listed.body.tokens.find((t: { id: string }) => t.id === created.body.token.id);
    expect(row.role).toBe("viewer");
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect((await call(services.GET, { token: secret })).status).toBe(200);
    expect((await call(services.POST, { method: "POST", token: secret, body: {} })).status).toBe(403);
    const revoked = await call(tokenItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: row.id } });
    expect(revoked.body.revoked).toBe(true);
    expect((await call(services.GET, { token: secret })).status).toBe(401);
  });
});
