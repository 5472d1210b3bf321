import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { discoverOidc, DISCOVERY_TTL_MS, forgetOidcDiscovery } from "@/lib/server/auth/oidc-discovery";

// next-auth reads the request's cookies and headers through next/headers, which exist only inside
// a Next.js request: here they are the ones of the request the test hands the route. (next-auth
// loads it with require, outside vitest's mocks: its exports are replaced for this file.)
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
const current = { cookies: {} as Record<string, string>, headers: {} as Record<string, string> };
const original = { cookies: nextHeaders.cookies, headers: nextHeaders.headers };
beforeAll(() => {
  nextHeaders.cookies = async () => ({ getAll: () => Object.entries(current.cookies).map(([name, value]) => ({ name, value })) });
  nextHeaders.headers = async () => new Headers(current.headers);
});
afterAll(() => Object.assign(nextHeaders, original));

// A provider's discovery document served by this process, counting how often it is read.
let server: Server;
let issuer: string;
let reads = 0;
let answer: "document" | "error" = "document";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== "/.well-known/openid-configuration") return void res.writeHead(404).end();
    reads++;
    if (answer === "error") return void res.writeHead(503).end("down for maintenance");
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, userinfo_endpoint: `${issuer}/me`, response_types_supported: ["code"] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  forgetOidcDiscovery();
  reads = 0;
  answer = "document";
});

describe("the provider's discovery document is kept for a few minutes", () => {
  it("is read once per issuer and revision, again after the time is up, the settings changed or were saved here", async () => {
    const t0 = Date.now();
    const first = await discoverOidc({ issuer, revision: "settings 3" }, t0);
    expect(first).toEqual({ issuer, authorization: `${issuer}/auth`, token: `${issuer}/token`, userinfo: `${issuer}/me`, jwks: `${issuer}/jwks` });
    await discoverOidc({ issuer, revision: "settings 3" }, t0 + DISCOVERY_TTL_MS - 1);
    expect(reads).toBe(1);
    await discoverOidc({ issuer, revision: "settings 3" }, t0 + DISCOVERY_TTL_MS);
    expect(reads).toBe(2);
    // Another process saved the settings: this one sees the row's new version.
    await discoverOidc({ issuer, revision: "settings 4" }, t0 + DISCOVERY_TTL_MS);
    expect(reads).toBe(3);
    forgetOidcDiscovery();
    await discoverOidc({ issuer, revision: "settings 4" }, t0 + DISCOVERY_TTL_MS);
    expect(reads).toBe(4);
  });

  it("keeps nothing when the document cannot be read, so the next press tries again", async () => {
    answer = "error";
    await expect(discoverOidc({ issuer, revision: "r" })).rejects.toThrow(/answered 503/);
    answer = "document";
    await discoverOidc({ issuer, revision: "r" });
    expect(reads).toBe(2);
    await expect(discoverOidc({ issuer: "http://127.0.0.1:9", revision: "r" })).rejects.toThrow();
  });
});

describe("signing in through next-auth with the kept document", () => {
  const route = () => import("@/app/api/auth/[...nextauth]/route");
  const env = { NINES_OIDC_ISSUER: () => issuer, NINES_OIDC_CLIENT_ID: () => "nines", NINES_OIDC_SCOPES: () => "openid  email profile groups" };
  beforeAll(() => {
    for (const [k, v] of Object.entries(env)) process.env[k] = v();
  });
  afterAll(() => {
    for (const k of Object.keys(env)) delete process.env[k];
  });

  /** Presses "Sign in with …" as next-auth's client does: a CSRF token, then a POST asking for JSON. */
  async function press(): Promise<URL> {
    const { GET, POST } = await route();
    current.headers = { host: "localhost:3000" };
    current.cookies = {};
    const csrf = await GET(new NextRequest("http://localhost:3000/api/auth/csrf"), { params: Promise.resolve({ nextauth: ["csrf"] }) });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    for (const cookie of csrf.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      current.cookies[name!] = decodeURIComponent(value.join("="));
    }
    const body = new URLSearchParams({ csrfToken, callbackUrl: "http://localhost:3000/", json: "true" });
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    current.headers = { ...current.headers, ...headers };
    const res = await POST(new NextRequest("http://localhost:3000/api/auth/signin/oidc", { method: "POST", body, headers }), { params: Promise.resolve({ nextauth: ["signin", "oidc"] }) });
    const answer = (await res.json()) as { url: string };
    return new URL(answer.url);
  }

  it("asks for the configured scopes at the authorization endpoint, reading the document once for two presses", async () => {
    const first = await press();
    expect(`${first.origin}${first.pathname}`).toBe(`${issuer}/auth`);
    expect(Object.fromEntries(first.searchParams)).toMatchObject({ client_id: "nines", scope: "openid email profile groups", response_type: "code", code_challenge_method: "S256" });
    expect(first.searchParams.get("nonce")).toBeTruthy();
    await press();
    expect(reads).toBe(1);
  });

  it("a provider that cannot answer is still next-auth's sign-in error (the login page's message)", async () => {
    answer = "error";
    const url = await press();
    // next-auth's error route sends the browser on to /login with the same code.
    expect(url.pathname).toBe("/api/auth/error");
    expect(url.searchParams.get("error")).toBe("OAuthSignin");
    // Nines tried, then next-auth itself: neither kept anything.
    expect(reads).toBe(2);
  });
});
