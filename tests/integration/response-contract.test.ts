import { beforeAll, describe, expect, it, vi } from "vitest";
import * as nextAuth from "@/app/api/auth/[...nextauth]/route";
import * as tierItem from "@/app/api/v1/tiers/[id]/route";
import * as tiers from "@/app/api/v1/tiers/route";
import * as tierStore from "@/lib/server/tiers";
import { call, ResponseDriftError } from "../support/api";
import { freeTierRank, tokensForAllRoles, type Tokens } from "../support/fixtures";

// Every integration test calls route handlers through `call`, which checks each response against
// the route table. These show that the check can fail: a handler whose answer drifts from its
// documented schema fails the test that calls it, and so does a handler the table does not know.

let tokens: Tokens;
let id: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  const created = await call(tiers.POST, { method: "POST", token: tokens.admin, body: { rank: await freeTierRank(), name: `Contract ${Date.now()}`, sloTarget: 0.99 } });
  id = created.body.id;
});

describe("every response is checked against the route table", () => {
  it("passes a response that is what the table documents", async () => {
    expect((await call(tierItem.GET, { token: tokens.viewer, params: { id } })).status).toBe(200);
  });

  it("fails a handler that answers a key its schema does not name, or a wrong type", async () => {
    const real = await tierStore.getTier(id);
    vi.spyOn(tierStore, "getTier").mockResolvedValueOnce({ ...real, colour: "red" } as typeof real);
    await expect(call(tierItem.GET, { token: tokens.viewer, params: { id } })).rejects.toThrow(ResponseDriftError);
    vi.spyOn(tierStore, "getTier").mockResolvedValueOnce({ ...real, activeServiceCount: "3" } as unknown as typeof real);
    await expect(call(tierItem.GET, { token: tokens.viewer, params: { id } })).rejects.toThrow(/at activeServiceCount: .*expected number/);
    vi.restoreAllMocks();
  });

  it("fails a handler that is no route's, or a route the table does not list", async () => {
    await expect(call(async () => Response.json({ ok: true }))).rejects.toThrow(/not exported by any app\/\*\*\/route\.ts/);
    await expect(call(nextAuth.GET as never, { params: { nextauth: ["session"] } })).rejects.toThrow(/^GET \/api\/auth\/\S+ is not in the route table/);
  });
});
