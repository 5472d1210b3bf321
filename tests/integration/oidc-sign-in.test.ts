import { beforeAll, describe, expect, it } from "vitest";
import * as me from "@/app/api/v1/me/route";
import * as signInSettings from "@/app/api/v1/settings/sign-in/route";
import * as userItem from "@/app/api/v1/users/[id]/route";
import { createApiToken } from "@/lib/server/api-tokens";
import type { OidcConfig } from "@/lib/server/auth/oidc-config";
import { currentSignInConfig } from "@/lib/server/auth/oidc-config";
import { signInWithOidc } from "@/lib/server/auth/oidc-sign-in";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { sessionCookie } from "../support/fixtures";

// Turning local passwords off depends on every admin of the organisation: this file has a
// database of its own, so it decides who the admins are.
await ownDatabaseForFile();

const ISSUER = "https://idp.example.test/realms/sre";
const CONFIG: OidcConfig = {
  source: "settings",
  issuer: ISSUER,
  clientId: "nines",
  clientSecret: "s3cret",
  displayName: "Example SSO",
  groupsClaim: "groups",
  scopes: "openid email profile",
  groups: { admin: ["sre-admins"], editor: ["sre"], viewer: ["staff"] },
  defaultRole: null,
  revision: "test",
};
const claims = (sub: string, extra: Record<string, unknown> = {}) => ({ sub, email: `${sub}@example.test`, email_verified: true, name: `Person ${sub}`, groups: ["staff"], ...extra });

let adminToken: string;
let adminId: string;
beforeAll(async () => {
  // An admin who signs in with a token only: no local password.
  const admin = await prisma.user.create({ data: { email: `${unique("admin")}@example.test`, name: "Token Admin", role: "admin", passwordHash: null } });
  adminId = admin.id;
  const actor = { kind: "user" as const, userId: admin.id, label: admin.email, role: "admin" as const, name: admin.name, email: admin.email };
  adminToken = (await createApiToken(actor, { name: unique("t"), role: "admin" })).secret;
});

describe("just-in-time accounts and roles from groups", () => {
  it("a first sign-in makes an account without a password, with the role of its groups and an open session", async () => {
    const sub = unique("jit");
    const result = await signInWithOidc(CONFIG, claims(sub, { groups: ["staff", "sre"] }), "test browser");
    expect(result).toMatchObject({ ok: true, role: "editor", created: true });
    if (!result.ok) return;
    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({ email: `${sub}@example.test`, name: `Person ${sub}`, role: "editor", passwordHash: null, oidcIssuer: ISSUER, oidcSubject: sub });
    expect(user.oidcSignedInAt).not.toBeNull();
    const session = await prisma.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null, userAgent: "test browser" });
    const cookie = await sessionCookie(user.id, result.sessionId);
    expect((await call(me.GET, { cookie })).body).toMatchObject({ kind: "user", role: "editor" });
    const created = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "user", entityId: user.id, action: "create" } });
    expect(created.actorLabel).toBe("identity provider");
  });

  it("every sign-in sets the role from the groups, audits a change, and the person's API tokens follow it", async () => {
    const sub = unique("demote");
    const first = await signInWithOidc(CONFIG, claims(sub, { groups: ["sre"] }), "");
    if (!first.ok) throw new Error("refused");
    const actor = { kind: "user" as const, userId: first.userId, label: "x", role: "editor" as const, name: "x", email: "x" };
    const token = (await createApiToken(actor, { name: unique("t"), role: "editor" })).secret;
    expect((await call(me.GET, { token })).body.role).toBe("editor");

    // Removed from the editors' group at the provider: nothing changes in Nines until the next sign-in.
    expect((await call(me.GET, { token })).body.role).toBe("editor");
    const second = await signInWithOidc(CONFIG, claims(sub, { groups: ["staff"] }), "");
    expect(second).toMatchObject({ ok: true, role: "viewer", created: false });
    expect((await call(me.GET, { token })).body.role).toBe("viewer");
    const update = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "user", entityId: first.userId, action: "update" } });
    expect(update.before).toMatchObject({ role: "editor" });
    expect(update.after).toMatchObject({ role: "viewer", reason: "group staff" });

    // The same role again: no new audit event.
    await signInWithOidc(CONFIG, claims(sub, { groups: ["staff"] }), "");
    expect(await prisma.auditEvent.count({ where: { entityType: "user", entityId: first.userId, action: "update" } })).toBe(1);
  });

  it("a person in no mapped group is refused, and no account is made; a default role lets them in", async () => {
    const sub = unique("outsider");
    expect(await signInWithOidc(CONFIG, claims(sub, { groups: ["marketing"] }), "")).toEqual({ ok: false, reason: "no_group" });
    expect(await prisma.user.count({ where: { oidcSubject: sub } })).toBe(0);
    expect(await signInWithOidc({ ...CONFIG, defaultRole: "viewer" }, claims(sub, { groups: ["marketing"] }), "")).toMatchObject({ ok: true, role: "viewer" });
  });

  it("a disabled account is refused", async () => {
    const sub = unique("gone");
    const first = await signInWithOidc(CONFIG, claims(sub), "");
    if (!first.ok) throw new Error("refused");
    await prisma.user.update({ where: { id: first.userId }, data: { disabledAt: new Date() } });
    expect(await signInWithOidc(CONFIG, claims(sub), "")).toEqual({ ok: false, reason: "disabled" });
  });

  it("without an e-mail address a new person is refused", async () => {
    expect(await signInWithOidc(CONFIG, { sub: unique("anon"), groups: ["staff"] }, "")).toEqual({ ok: false, reason: "no_email" });
  });
});

describe("linking an existing local account", () => {
  it("links by e-mail only when the provider verified the address", async () => {
    const email = `${unique("local")}@example.test`;
    const local = await prisma.user.create({ data: { email, name: "Local Person", role: "viewer", passwordHash: "argon-hash" } });
    const sub = unique("sub");
    expect(await signInWithOidc(CONFIG, { sub, email, email_verified: false, groups: ["sre"] }, "")).toEqual({ ok: false, reason: "email_unverified" });
    expect(await signInWithOidc(CONFIG, { sub, email: email.toUpperCase(), groups: ["sre"] }, "")).toEqual({ ok: false, reason: "email_unverified" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: local.id } })).oidcSubject).toBeNull();

    const linked = await signInWithOidc(CONFIG, { sub, email: email.toUpperCase(), email_verified: true, groups: ["sre"] }, "");
    expect(linked).toMatchObject({ ok: true, userId: local.id, role: "editor", created: false });
    // The local password stays: the account now signs in either way.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: local.id } })).toMatchObject({ oidcIssuer: ISSUER, oidcSubject: sub, passwordHash: "argon-hash" });
    expect(await prisma.auditEvent.count({ where: { entityId: local.id, action: "link_identity" } })).toBe(1);

    // Another identity at the provider with the same verified address does not take it over.
    expect(await signInWithOidc(CONFIG, { sub: unique("other"), email, email_verified: true, groups: ["sre"] }, "")).toEqual({ ok: false, reason: "linked_elsewhere" });
  });
});

describe("sign-in settings and local passwords", () => {
  const patch = async (body: Record<string, unknown>) => {
    const { version } = (await call(signInSettings.GET, { token: adminToken })).body;
    return call(signInSettings.PATCH, { method: "PATCH", token: adminToken, body: { ...body, version } });
  };
  const oidc = { enabled: true, issuer: "https://login.example.test/", clientId: "nines", displayName: "Example SSO", groupsClaim: "groups", groups: { admin: [], editor: ["sre"], viewer: [] }, defaultRole: null };

  it("stores the configuration with the secret sealed and never shown; stored settings win over the environment", async () => {
    process.env.NINES_OIDC_ISSUER = "https://env.example.test";
    process.env.NINES_OIDC_CLIENT_ID = "from-env";
    try {
      expect((await currentSignInConfig()).oidc).toMatchObject({ source: "environment", issuer: "https://env.example.test", clientId: "from-env" });
      const saved = await patch({ oidc: { ...oidc, clientSecret: "top secret value" } });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ source: "settings", oidc: { issuer: "https://login.example.test", secretConfigured: true }, environment: { clientId: "from-env" } });
      expect(JSON.stringify(saved.body)).not.toContain("top secret value");
      const row = await prisma.organizationSettings.findUniqueOrThrow({ where: { id: 1 } });
      expect(JSON.stringify(row.oidc)).not.toContain("top secret value");
      expect(await currentSignInConfig()).toMatchObject({ oidc: { source: "settings", clientSecret: "top secret value", issuer: "https://login.example.test" } });
      const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "update_sign_in" }, orderBy: { at: "desc" } });
      expect(audit.after).toMatchObject({ clientSecret: "replaced" });
      expect(JSON.stringify(audit)).not.toContain("top secret value");

      // Saved again without a secret: the stored one is kept (same issuer and client).
      await patch({ oidc });
      expect((await currentSignInConfig()).oidc?.clientSecret).toBe("top secret value");
      // Off in Settings is off, even with the environment set.
      await patch({ oidc: { ...oidc, enabled: false } });
      expect((await currentSignInConfig()).oidc).toBeNull();
      // Removed: the environment's applies again.
      await patch({ oidc: null });
      expect((await currentSignInConfig()).oidc?.source).toBe("environment");
    } finally {
      delete process.env.NINES_OIDC_ISSUER;
      delete process.env.NINES_OIDC_CLIENT_ID;
    }
  });

  it("bad input is a 400 naming the field", async () => {
    const res = await patch({ oidc: { ...oidc, issuer: "http://login.example.test", defaultRole: "owner", scopes: "email profile groups" } });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["oidc.defaultRole", "oidc.issuer", "oidc.scopes"]);
    expect(res.body.issues.find((i: { path: string }) => i.path === "oidc.scopes").message).toMatch(/Must include openid/);
    const commas = await patch({ oidc: { ...oidc, scopes: "openid,email,profile" } });
    expect(commas.body.issues).toEqual([{ path: "oidc.scopes", message: "Separate scopes with spaces, not commas" }]);
  });

  it("asks for the scopes saved (normalised), openid email profile when left out, and reads settings saved before scopes existed", async () => {
    const saved = await patch({ oidc: { ...oidc, scopes: " openid  email profile groups " } });
    expect(saved.body.oidc.scopes).toBe("openid email profile groups");
    expect((await currentSignInConfig()).oidc?.scopes).toBe("openid email profile groups");
    expect((await patch({ oidc })).body.oidc.scopes).toBe("openid email profile");
    // A row as the version before wrote it: no scopes, no schemaVersion.
    const { scopes: _scopes, schemaVersion: _v, ...v1 } = (await prisma.organizationSettings.findUniqueOrThrow({ where: { id: 1 } })).oidc as Record<string, unknown>;
    await prisma.organizationSettings.update({ where: { id: 1 }, data: { oidc: v1 as object } });
    expect((await call(signInSettings.GET, { token: adminToken })).body.oidc).toMatchObject({ issuer: "https://login.example.test", scopes: "openid email profile" });
    expect((await currentSignInConfig()).oidc?.scopes).toBe("openid email profile");
    await patch({ oidc: null });
  });

  it("local passwords go off only while an active admin has one, who then cannot lose it", async () => {
    // Only the token admin (no password) exists so far.
    const refused = await patch({ localPasswords: false });
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0]).toMatchObject({ path: "localPasswords" });
    expect((await currentSignInConfig()).localPasswords).toBe(true);

    const keeper = await prisma.user.create({ data: { email: `${unique("keeper")}@example.test`, name: "Keeper", role: "admin", passwordHash: "argon-hash" } });
    try {
      expect((await patch({ localPasswords: false })).status).toBe(200);
      expect((await currentSignInConfig()).localPasswords).toBe(false);
      expect(await prisma.auditEvent.count({ where: { action: "update_sign_in", after: { path: ["localPasswords"], equals: false } } })).toBe(1);
      // The last admin with a password can be neither demoted nor disabled while passwords are off.
      const { version } = await prisma.user.findUniqueOrThrow({ where: { id: keeper.id } });
      const demote = await call(userItem.PATCH, { method: "PATCH", token: adminToken, params: { id: keeper.id }, body: { role: "editor", version } });
      expect(demote.status).toBe(400);
      expect(demote.body.issues[0].message).toMatch(/local password/);
      // Nor by the identity provider: linked, and out of the admins' group, the keeper signs in
      // and stays an admin (the token admin has no password), with the reason on record.
      await prisma.user.update({ where: { id: keeper.id }, data: { oidcIssuer: ISSUER, oidcSubject: `keeper-${keeper.id}` } });
      const signedIn = await signInWithOidc(CONFIG, claims(`keeper-${keeper.id}`, { email: keeper.email, groups: ["sre"] }), "");
      expect(signedIn).toMatchObject({ ok: true, role: "admin" });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: keeper.id } })).role).toBe("admin");
      expect(await prisma.auditEvent.findFirst({ where: { action: "role_kept", entityId: keeper.id } })).toMatchObject({ after: { providerRole: "editor", reason: expect.stringMatching(/local password/) } });
    } finally {
      expect((await patch({ localPasswords: true })).status).toBe(200);
    }
    expect(adminId).toBeTruthy();
  });
});
