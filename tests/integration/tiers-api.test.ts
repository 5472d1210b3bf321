import { beforeAll, describe, expect, it } from "vitest";
import * as services from "@/app/api/v1/services/route";
import * as tierItem from "@/app/api/v1/tiers/[id]/route";
import * as tiers from "@/app/api/v1/tiers/route";
import { DEFAULT_TIERS } from "@/lib/schemas/tier";
import { ensureDefaults } from "@/lib/server/bootstrap";
import { call, unique } from "../support/api";
import { freeTierRank, tokensForAllRoles, type Tokens } from "../support/fixtures";

let tokens: Tokens;
beforeAll(async () => {
  await ensureDefaults();
  ({ tokens } = await tokensForAllRoles());
});

describe("tiers API", () => {
  it("a new database has the four default tiers of docs/domain.md", async () => {
    const res = await call(tiers.GET, { token: tokens.viewer });
    expect(res.status).toBe(200);
    const byRank = new Map(res.body.tiers.map((t: { rank: number }) => [t.rank, t]));
    expect(byRank.get(1)).toMatchObject({ name: "Critical", sloTarget: 0.9999 });
    expect(byRank.get(2)).toMatchObject({ name: "Important", sloTarget: 0.999 });
    expect(byRank.get(3)).toMatchObject({ name: "Standard", sloTarget: 0.995 });
    expect(byRank.get(4)).toMatchObject({ name: "Internal", sloTarget: 0.99 });
    expect(DEFAULT_TIERS).toHaveLength(4);
  });

  it("creates, edits with a version, and refuses duplicates and stale edits", async () => {
    const rank = await freeTierRank();
    const name = unique("Tier");
    const created = await call(tiers.POST, { method: "POST", token: tokens.admin, body: { rank, name, sloTarget: 0.98 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ rank, name, sloTarget: 0.98, sloWindow: "rolling:30d", maintenance: "count", version: 1 });
    const dup = await call(tiers.POST, { method: "POST", token: tokens.admin, body: { rank, name: "Other", sloTarget: 0.9 } });
    expect(dup.status).toBe(409);
    expect(dup.body.issues).toEqual([{ path: "rank", message: "already exists" }]);
    expect(dup.body.message).toBe("A record with this rank already exists");
    const id = created.body.id as string;
    const edit = await call(tierItem.PATCH, { method: "PATCH", token: tokens.admin, params: { id }, body: { description: "edited", version: 1 } });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ description: "edited", version: 2 });
    // Moving another tier onto a taken rank names the rank too.
    const other = await call(tiers.POST, { method: "POST", token: tokens.admin, body: { rank: await freeTierRank(), name: unique("Tier"), sloTarget: 0.9 } });
    const clash = await call(tierItem.PATCH, { method: "PATCH", token: tokens.admin, params: { id: other.body.id }, body: { rank, version: other.body.version } });
    expect(clash.status).toBe(409);
    expect(clash.body.issues).toEqual([{ path: "rank", message: "already exists" }]);
    const blind = await call(tierItem.PATCH, { method: "PATCH", token: tokens.admin, params: { id }, body: { description: "no version" } });
    expect(blind.status).toBe(400);
    expect(blind.body.issues[0].path).toBe("version");
    const stale = await call(tierItem.PATCH, { method: "PATCH", token: tokens.admin, params: { id }, body: { description: "stale", version: 1 } });
    expect(stale.status).toBe(409);
    expect((await call(tierItem.GET, { token: tokens.viewer, params: { id } })).body.description).toBe("edited");
  });

  it("refuses a tier with five bad fields, naming each of them", async () => {
    const res = await call(tiers.POST, {
      method: "POST",
      token: tokens.admin,
      body: { rank: 0, name: "", sloTarget: 2, sloWindow: "daily", maintenance: "maybe" },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ["maintenance", "name", "rank", "sloTarget", "sloWindow"],
    );
  });

  it("archives on DELETE only when no active service uses the tier", async () => {
    const rank = await freeTierRank();
    const tier = (await call(tiers.POST, { method: "POST", token: tokens.admin, body: { rank, name: unique("T"), sloTarget: 0.99 } })).body;
    const slug = unique("uses-tier");
    await call(services.POST, { method: "POST", token: tokens.editor, body: { slug, name: "x", tier: rank } });
    const refused = await call(tierItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: tier.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/1 active service/);
    const tier2 = (await call(tiers.POST, { method: "POST", token: tokens.admin, body: { rank: await freeTierRank(), name: unique("T"), sloTarget: 0.99 } })).body;
    const archived = await call(tierItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: tier2.id } });
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    const useArchived = await call(services.POST, { method: "POST", token: tokens.editor, body: { slug: unique("s"), name: "x", tier: tier2.id } });
    expect(useArchived.status).toBe(400);
    expect(useArchived.body.issues[0].path).toBe("tier");
  });

  it("answers 404 for an unknown tier", async () => {
    expect((await call(tierItem.GET, { token: tokens.viewer, params: { id: "nope" } })).status).toBe(404);
  });
});
