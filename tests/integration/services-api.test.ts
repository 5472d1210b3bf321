import { beforeAll, describe, expect, it } from "vitest";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import * as tiers from "@/app/api/v1/tiers/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { freeTierRank, tokensForAllRoles, type Tokens } from "../support/fixtures";

let tokens: Tokens;
let tier: { id: string; rank: number };

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  const rank = await freeTierRank();
  const res = await call(tiers.POST, {
    method: "POST",
    token: tokens.admin,
    body: { rank, name: unique("tier"), sloTarget: 0.995, sloWindow: "month", maintenance: "exclude" },
  });
  expect(res.status).toBe(201);
  tier = res.body;
});

async function createService(body: Record<string, unknown>, token = tokens.editor) {
  return call(services.POST, { method: "POST", token, body });
}

describe("services API", () => {
  it("creates a service that inherits its tier's SLO", async () => {
    const slug = unique("checkout");
    const res = await createService({ slug, name: "Checkout", tier: tier.rank, owner: "payments" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug,
      name: "Checkout",
      owner: "payments",
      tier: { id: tier.id, rank: tier.rank },
      sloTarget: 0.995,
      sloWindow: "month",
      maintenance: "exclude",
      overrides: { sloTarget: null, sloWindow: null, maintenance: null },
      archived: false,
      version: 1,
    });
    const got = await call(serviceItem.GET, { token: tokens.viewer, params: { slug } });
    expect(got.status).toBe(200);
    expect(got.body.slug).toBe(slug);
  });

  it("accepts a tier by id and overrides the SLO", async () => {
    const res = await createService({
      slug: unique("catalog"),
      name: "Catalog",
      tier: tier.id,
      sloTarget: 0.999,
      sloWindow: "rolling:28d",
      maintenance: "count",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sloTarget: 0.999, sloWindow: "rolling:28d", maintenance: "count" });
    expect(res.body.overrides).toEqual({ sloTarget: 0.999, sloWindow: "rolling:28d", maintenance: "count" });
  });

  it.each([
    [{ slug: "Bad Slug!", name: "x", tier: 1 }, "slug"],
    [{ slug: "ok-slug", name: "", tier: 1 }, "name"],
    [{ slug: "ok-slug", name: "x", tier: 1, sloTarget: 1.5 }, "sloTarget"],
    [{ slug: "ok-slug", name: "x", tier: 1, sloTarget: "99.9" }, "sloTarget"],
    [{ slug: "ok-slug", name: "x", tier: 1, sloWindow: "fortnight" }, "sloWindow"],
    [{ slug: "ok-slug", name: "x", tier: 1, maintenance: "ignore" }, "maintenance"],
    [{ slug: "ok-slug", name: "x" }, "tier"],
    [{ slug: "ok-slug", name: "x", tier: 1, colour: "red" }, "colour"],
    [{ slug: "ok-slug", name: "x", tier: 1, dependsOn: "api" }, "dependsOn"],
  ])("rejects %j naming the field %s", async (body, field) => {
    const res = await createService(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("validation_failed");
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(await prisma.service.count({ where: { slug: "ok-slug" } })).toBe(0);
  });

  it("rejects an unknown tier and unknown dependencies with the field named", async () => {
    const noTier = await createService({ slug: unique("svc"), name: "x", tier: 98 });
    expect(noTier.status).toBe(400);
    expect(noTier.body.issues).toEqual([{ path: "tier", message: "No tier has rank 98" }]);
    const slug = unique("svc");
    const noDep = await createService({ slug, name: "x", tier: tier.rank, dependsOn: ["does-not-exist"] });
    expect(noDep.status).toBe(400);
    expect(noDep.body.issues[0]).toMatchObject({ path: "dependsOn.0" });
    expect(await prisma.service.count({ where: { slug } })).toBe(0);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await call(services.POST, { method: "POST", token: tokens.editor, rawBody: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("validation_failed");
  });

  it("refuses a duplicate slug with 409", async () => {
    const slug = unique("dup");
    expect((await createService({ slug, name: "A", tier: tier.rank })).status).toBe(201);
    const again = await createService({ slug, name: "B", tier: tier.rank });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: "conflict", issues: [{ path: "slug" }] });
  });

  it("keeps dependencies both ways and refuses cycles", async () => {
    const db = unique("db");
    const api = unique("api");
    await createService({ slug: db, name: "DB", tier: tier.rank });
    const created = await createService({ slug: api, name: "API", tier: tier.rank, dependsOn: [db] });
    expect(created.body.dependsOn).toEqual([db]);
    const dbNow = await call(serviceItem.GET, { token: tokens.viewer, params: { slug: db } });
    expect(dbNow.body.dependedOnBy).toEqual([api]);
    const cycle = await call(serviceItem.PATCH, {
      method: "PATCH",
      token: tokens.editor,
      params: { slug: db },
      body: { dependsOn: [api], version: dbNow.body.version },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.issues[0].path).toBe("dependsOn");
    const self = await call(serviceItem.PATCH, {
      method: "PATCH",
      token: tokens.editor,
      params: { slug: db },
      body: { dependsOn: [db], version: dbNow.body.version },
    });
    expect(self.status).toBe(400);
  });

  it("refuses an edit based on a stale version and overwrites nothing", async () => {
    const slug = unique("stale");
    await createService({ slug, name: "Original", tier: tier.rank });
    const first = await call(serviceItem.PATCH, {
      method: "PATCH", token: tokens.editor, params: { slug }, body: { name: "First edit", version: 1 },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await call(serviceItem.PATCH, {
      method: "PATCH", token: tokens.editor, params: { slug }, body: { name: "Stale edit", version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.issues).toEqual([{ path: "version", message: "stale version" }]);
    const now = await call(serviceItem.GET, { token: tokens.viewer, params: { slug } });
    expect(now.body.name).toBe("First edit");
  });

  it("archives on DELETE, hides archived by default and restores", async () => {
    const slug = unique("old");
    await createService({ slug, name: "Old", tier: tier.rank });
    const del = await call(serviceItem.DELETE, { method: "DELETE", token: tokens.editor, params: { slug } });
    expect(del.status).toBe(200);
    expect(del.body.archived).toBe(true);
    const active = await call(services.GET, { token: tokens.viewer, path: "/api/v1/services" });
    expect(active.body.services.map((s: { slug: string }) => s.slug)).not.toContain(slug);
    const archived = await call(services.GET, { token: tokens.viewer, path: "/api/v1/services?archived=true" });
    expect(archived.body.services.map((s: { slug: string }) => s.slug)).toContain(slug);
    const restored = await call(serviceItem.PATCH, {
      method: "PATCH", token: tokens.editor, params: { slug }, body: { archived: false, version: del.body.version },
    });
    expect(restored.body.archived).toBe(false);
  });

  it("refuses an edit without the version it was based on, naming the field", async () => {
    const slug = unique("noversion");
    await createService({ slug, name: "Original", tier: tier.rank });
    const res = await call(serviceItem.PATCH, { method: "PATCH", token: tokens.editor, params: { slug }, body: { name: "Blind edit" } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "version", message: "Must be the version number you read" }]);
    expect((await call(serviceItem.GET, { token: tokens.viewer, params: { slug } })).body.name).toBe("Original");
  });

  it("returns 404 for an unknown service", async () => {
    const res = await call(serviceItem.GET, { token: tokens.viewer, params: { slug: "no-such-service" } });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("not_found");
  });

  it("filters the list by tier rank and by search text", async () => {
    const slug = unique("findme");
    await createService({ slug, name: "Find Me", tier: tier.rank });
    const byTier = await call(services.GET, { token: tokens.viewer, path: `/api/v1/services?tier=${tier.rank}` });
    expect(byTier.body.services.every((s: { tier: { rank: number } }) => s.tier.rank === tier.rank)).toBe(true);
    const byText = await call(services.GET, { token: tokens.viewer, path: `/api/v1/services?q=${slug}` });
    expect(byText.body.services.map((s: { slug: string }) => s.slug)).toEqual([slug]);
  });
});
