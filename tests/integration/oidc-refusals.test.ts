import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as signInSettings from "@/app/api/v1/settings/sign-in/route";
import { createApiToken } from "@/lib/server/api-tokens";
import type { OidcConfig } from "@/lib/server/auth/oidc-config";
import { signInWithOidc } from "@/lib/server/auth/oidc-sign-in";
import { authOptions } from "@/lib/server/auth/options";
import { hashPassword } from "@/lib/server/auth/password";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";

// Turning local passwords off depends on every admin of the organisation: a database of its own.
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
// What next-auth hands over: the ID token's claims. Tokens themselves never reach this code, but
// a claim that looks like one must not reach the trail either.
const claims = (sub: string, extra: Record<string, unknown> = {}) => ({ sub, email: `${sub}@example.test`, email_verified: true, name: `Person ${sub}`, groups: ["staff"], at_hash: "not-for-the-trail", nonce: "nonce-value", ...extra });

let adminToken: string;
beforeAll(async () => {
  const admin = await prisma.user.create({ data: { email: `${unique("admin")}@example.test`, name: "Admin", role: "admin", passwordHash: await hashPassword("the admin's long password") } });
  const actor = { kind: "user" as const, userId: admin.id, label: admin.email, role: "admin" as const, name: admin.name, email: admin.email };
  adminToken = (await createApiToken(actor, { name: unique("t"), role: "admin" })).secret;
});

const refusals = (where: Record<string, unknown> = {}) => prisma.auditEvent.findMany({ where: { action: "sign_in_refused", ...where }, orderBy: { at: "asc" } });

describe("sign-ins Nines refuses are in the audit trail", () => {
  it("someone in no mapped group: who, what the provider sent and why, once a minute, and never a token", async () => {
    const sub = unique("outsider");
    expect(await signInWithOidc(CONFIG, claims(sub, { groups: ["marketing", "sales"] }), "")).toEqual({ ok: false, reason: "no_group" });
    const [event, ...more] = await refusals({ entityId: sub });
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({ actorLabel: "identity provider", entityType: "sign_in" });
    expect(event?.after).toEqual({
      reason: "no_group",
      why: "In none of the groups that give a role, and no default role is set",
      issuer: ISSUER,
      subject: sub,
      email: `${sub}@example.test`,
      emailVerified: true,
      name: `Person ${sub}`,
      groups: ["marketing", "sales"],
    });
    expect(JSON.stringify(event)).not.toMatch(/not-for-the-trail|nonce-value|s3cret/);

    // Trying again (or a script trying a thousand times) within the minute adds nothing; the
    // refusal itself stands. Another person is recorded.
    for (let i = 0; i < 5; i++) expect((await signInWithOidc(CONFIG, claims(sub, { groups: ["marketing"] }), "")).ok).toBe(false);
    expect(await refusals({ entityId: sub })).toHaveLength(1);
    const other = unique("outsider");
    await signInWithOidc(CONFIG, claims(other, { groups: [] }), "");
    expect(await refusals({ entityId: other })).toHaveLength(1);

    // Settings → Audit lists it like any event, named by the address the provider sent.
    const listed = await call(audit.GET, { token: adminToken, path: "/api/v1/audit?entityType=sign_in" });
    expect(listed.body.events.find((e: { entityId: string }) => e.entityId === sub)).toMatchObject({ actor: "identity provider", action: "sign_in_refused", entity: { title: `${sub}@example.test`, reference: sub } });
  });

  it("on the account concerned: an unverified address matching it, another identity linked to it, a disabled account", async () => {
    const email = `${unique("local")}@example.test`;
    const local = await prisma.user.create({ data: { email, name: "Local Person", role: "viewer", passwordHash: "argon-hash" } });
    const sub = unique("sub");
    expect((await signInWithOidc(CONFIG, claims(sub, { email, email_verified: false }), "")).ok).toBe(false);
    expect(await signInWithOidc(CONFIG, claims(sub, { email }), "")).toMatchObject({ ok: true, userId: local.id });
    const intruder = unique("intruder");
    expect(await signInWithOidc(CONFIG, claims(intruder, { email }), "")).toEqual({ ok: false, reason: "linked_elsewhere" });
    await prisma.user.update({ where: { id: local.id }, data: { disabledAt: new Date() } });
    expect(await signInWithOidc(CONFIG, claims(sub, { email }), "")).toEqual({ ok: false, reason: "disabled" });

    const events = await refusals({ entityType: "user", entityId: local.id });
    expect(events.map((e) => [(e.after as { reason: string }).reason, (e.after as { subject: string }).subject])).toEqual([
      ["email_unverified", sub],
      ["linked_elsewhere", intruder],
      ["disabled", sub],
    ]);
    expect(events[0]?.after).toMatchObject({ emailVerified: false, email });
  });

  it("without an e-mail address: the subject names them", async () => {
    const sub = unique("anon");
    await signInWithOidc(CONFIG, { sub, groups: ["staff"] }, "");
    expect((await refusals({ entityId: sub }))[0]?.after).toMatchObject({ reason: "no_email", subject: sub, email: null });
  });

  it("a right password refused because local passwords are off, once a minute; a wrong one is not a refusal to record", async () => {
    const email = `${unique("editor")}@example.test`;
    const editor = await prisma.user.create({ data: { email, name: "Eddie", role: "editor", passwordHash: await hashPassword("a long local password") } });
    const patch = async (body: Record<string, unknown>) => {
      const { version } = (await call(signInSettings.GET, { token: adminToken })).body;
      expect((await call(signInSettings.PATCH, { method: "PATCH", token: adminToken, body: { ...body, version } })).status).toBe(200);
    };
    // next-auth's credentials provider keeps Nines' authorize in its options.
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize(input: unknown, req: unknown): Promise<unknown> } }).options.authorize;
    await patch({ localPasswords: false });
    try {
      await expect(authorize({ email, password: "a long local password" }, { headers: {} })).rejects.toThrow("LocalPasswordsOff");
      await expect(authorize({ email, password: "a long local password" }, { headers: {} })).rejects.toThrow("LocalPasswordsOff");
      expect(await authorize({ email, password: "a wrong password!" }, { headers: {} })).toBeNull();
    } finally {
      await patch({ localPasswords: true });
    }
    const events = await refusals({ entityId: editor.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: "password sign-in", entityType: "user", after: { reason: "local_passwords_off", email, role: "editor" } });
    expect(JSON.stringify(events[0])).not.toContain("a long local password");
  });
});
