import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/users/route";
import type { OidcConfig } from "@/lib/server/auth/oidc-config";
import { signInWithOidc } from "@/lib/server/auth/oidc-sign-in";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { actorWithToken } from "../support/fixtures";

// An admin adds someone who will sign in with the identity provider only: no password, while an
// identity provider is configured (here by the environment, so the organisation's settings stay).

const ISSUER = "https://idp.example.test/realms/people";
const CONFIG: OidcConfig = {
  source: "environment",
  issuer: ISSUER,
  clientId: "nines",
  clientSecret: null,
  displayName: "People SSO",
  groupsClaim: "groups",
  scopes: "openid email profile",
  groups: { admin: [], editor: ["sre"], viewer: ["staff"] },
  defaultRole: null,
  revision: "environment",
};

let token: string;
beforeAll(async () => {
  token = (await actorWithToken("admin")).token;
  delete process.env.NINES_OIDC_ISSUER;
});
afterEach(() => {
  delete process.env.NINES_OIDC_ISSUER;
  delete process.env.NINES_OIDC_CLIENT_ID;
});
const withProvider = () => {
  process.env.NINES_OIDC_ISSUER = ISSUER;
  process.env.NINES_OIDC_CLIENT_ID = "nines";
};
const create = (body: Record<string, unknown>) => call(users.POST, { method: "POST", token, body });
const person = () => ({ name: "Pat Provider", email: `${unique("pat")}@example.test`, role: "editor" });

describe("a new user without a password", () => {
  it("is refused while no identity provider is configured: a 400 naming the password, nothing written", async () => {
    for (const body of [person(), { ...person(), password: null }]) {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual([{ path: "password", message: "Required: without an identity provider (Settings → Sign-in) a password is the only way to sign in" }]);
      expect(await prisma.user.count({ where: { email: body.email } })).toBe(0);
    }
    // A password given is checked as ever.
    expect((await create({ ...person(), password: "short" })).body.issues).toEqual([{ path: "password", message: "Must be at least 12 characters" }]);
  });

  it("is made while one is configured, says it has no local password, and is linked at the first sign-in by a verified address", async () => {
    withProvider();
    const body = person();
    const res = await create(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: body.email, role: "editor", localPassword: false, identityProvider: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: res.body.id } })).passwordHash).toBeNull();
    expect((await call(users.GET, { token })).body.users.find((u: { id: string }) => u.id === res.body.id)).toMatchObject({ localPassword: false, identityProvider: false });
    const created = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: res.body.id, action: "create" } });
    expect(created.after).toMatchObject({ localPassword: false });

    // Someone at the provider with the address unverified does not get it.
    const sub = unique("pat-sub");
    expect(await signInWithOidc(CONFIG, { sub, email: body.email, email_verified: false, groups: ["staff"] }, "")).toEqual({ ok: false, reason: "email_unverified" });
    // The person, verified: the same account, now linked, its role from their groups.
    const signedIn = await signInWithOidc(CONFIG, { sub, email: body.email, email_verified: true, groups: ["staff"] }, "");
    expect(signedIn).toMatchObject({ ok: true, userId: res.body.id, created: false, role: "viewer" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ oidcIssuer: ISSUER, oidcSubject: sub, passwordHash: null, role: "viewer" });
    expect((await call(users.GET, { token })).body.users.find((u: { id: string }) => u.id === res.body.id)).toMatchObject({ localPassword: false, identityProvider: true });
  });

  it("with a provider configured, a password may still be given", async () => {
    withProvider();
    const res = await create({ ...person(), password: "a long enough password" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ localPassword: true, identityProvider: false });
  });
});
