import { expect, test } from "@playwright/test";
import { adminToken, unique } from "./fixtures";

test.describe("each role against the JSON API", () => {
  test("no token gets 401; a viewer's write gets 403; an editor writes; an admin manages tokens", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const admin = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { authorization: `Bearer ${adminToken()}` },
    });

    const unauth = await anon.get("/api/v1/services");
    expect(unauth.status()).toBe(401);
    expect((await unauth.json()).error).toBe("unauthenticated");

    const mint = async (role: string) => {
      const res = await admin.post("/api/v1/tokens", { data: { name: unique(role), role } });
      expect(res.status()).toBe(201);
      return (await res.json()).secret as string;
    };
    const as = (secret: string) =>
      playwright.request.newContext({
        baseURL,
        storageState: { cookies: [], origins: [] },
        extraHTTPHeaders: { authorization: `Bearer ${secret}` },
      });
    const viewer = await as(await mint("viewer"));
    const editor = await as(await mint("editor"));

    expect((await viewer.get("/api/v1/services")).status()).toBe(200);
    const viewerWrite = await viewer.post("/api/v1/services", { data: { slug: unique("v"), name: "V", tier: 1 } });
    expect(viewerWrite.status()).toBe(403);
    expect((await viewerWrite.json()).error).toBe("forbidden");

    const slug = unique("api");
    const editorWrite = await editor.post("/api/v1/services", { data: { slug, name: "API", tier: 2 } });
    expect(editorWrite.status()).toBe(201);
    expect((await editorWrite.json()).sloTarget).toBe(0.999);
    expect((await editor.post("/api/v1/tiers", { data: { rank: 77, name: "x", sloTarget: 0.9 } })).status()).toBe(403);

    const bad = await editor.post("/api/v1/services", { data: { slug: "Bad Slug!", name: "x", tier: 2 } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).issues[0].path).toBe("slug");

    const { version, timeZone } = await (await admin.get("/api/v1/settings")).json();
    const tz = await admin.patch("/api/v1/settings", { data: { timeZone: "Europe/Berlin", version } });
    expect(tz.status()).toBe(200);
    expect((await admin.patch("/api/v1/settings", { data: { timeZone: "Nowhere/City", version: version + 1 } })).status()).toBe(400);
    // The zone the other specs read, as it was.
    expect((await admin.patch("/api/v1/settings", { data: { timeZone, version: version + 1 } })).status()).toBe(200);
  });

  test("health and readiness need no sign-in", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anon.get("/api/health")).status()).toBe(200);
    const ready = await anon.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect((await ready.json()).migrations.pending).toEqual([]);
  });
});

test("an unknown path under /api/ answers the JSON 404, for any method, signed in or not", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const admin = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${adminToken()}` } });
  for (const [ctx, method, path] of [
    [admin, "GET", "/api/v1/no-such-thing"],
    [admin, "POST", "/api/v1/servcies"],
    [admin, "GET", "/api/v1/services/some-slug/no-such-part"],
    [anon, "DELETE", "/api/nope"],
    [anon, "GET", "/api"],
  ] as const) {
    const res = await ctx.fetch(path, { method });
    expect(res.status(), `${method} ${path}`).toBe(404);
    expect(res.headers()["content-type"], `${method} ${path}`).toContain("application/json");
    expect(await res.json()).toEqual({ error: "not_found", message: `No API route answers ${method} ${path}; /api/v1/openapi.json lists them` });
  }
  // Real routes still win over it.
  expect((await admin.get("/api/v1/services")).status()).toBe(200);
  expect((await anon.get("/api/health")).status()).toBe(200);
  await anon.dispose();
  await admin.dispose();
});
