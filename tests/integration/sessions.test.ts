import { beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import * as audit from "@/app/api/v1/audit/route";
import * as me from "@/app/api/v1/me/route";
import { endSession, openSession } from "@/lib/server/auth/sessions";
import { prisma } from "@/lib/server/db";
import { call } from "../support/api";
import { actorWithToken, patchUser as patchAs, sessionCookie, tokensForAllRoles, type Tokens } from "../support/fixtures";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

const patchUser = (id: string, body: Record<string, unknown>) => patchAs(tokens.admin, id, body);

describe("sessions end on the server", () => {
  it("a session cookie reads while its session is open, and not after signing out", async () => {
    const { actor } = await actorWithToken("editor");
    const cookie = await sessionCookie(actor.userId);
    expect((await call(me.GET, { cookie })).status).toBe(200);
    const sid = (await prisma.session.findFirstOrThrow({ where: { userId: actor.userId } })).id;
    await endSession(sid, "sign_out");
    expect((await call(me.GET, { cookie })).status).toBe(401);
  });

  it("a cookie without a session row (or one naming another user's session) is refused", async () => {
    const { actor } = await actorWithToken("viewer");
    const other = await actorWithToken("viewer");
    const bare = await encode({ token: { sub: actor.userId }, secret: process.env.NEXTAUTH_SECRET as string });
    expect((await call(me.GET, { cookie: bare })).status).toBe(401);
    const othersSession = await openSession(other.actor.userId, "test");
    expect((await call(me.GET, { cookie: await sessionCookie(actor.userId, othersSession) })).status).toBe(401);
  });

  for (const [change, body, reason] of [
    ["a password change", { password: "a brand new password" }, "password_changed"],
    ["a role change", { role: "viewer" }, "role_changed"],
    ["disabling", { disabled: true }, "disabled"],
  ] as const) {
    it(`${change} by an admin ends every session of that user`, async () => {
      const { actor } = await actorWithToken("editor");
      const [laptop, phone] = [await sessionCookie(actor.userId), await sessionCookie(actor.userId)];
      expect((await call(me.GET, { cookie: laptop })).status).toBe(200);
      expect((await patchUser(actor.userId, body)).status).toBe(200);
      expect((await call(me.GET, { cookie: laptop })).status).toBe(401);
      expect((await call(me.GET, { cookie: phone })).status).toBe(401);
      const rows = await prisma.session.findMany({ where: { userId: actor.userId } });
      expect(rows.map((r) => r.revokedReason)).toEqual([reason, reason]);
      // A new sign-in after the change works.
      if (reason !== "disabled") expect((await call(me.GET, { cookie: await sessionCookie(actor.userId) })).status).toBe(200);
    });
  }

  it("a password change is in the audit trail as such, never with the hash", async () => {
    const { actor } = await actorWithToken("viewer");
    await sessionCookie(actor.userId);
    expect((await patchUser(actor.userId, { password: "another long password" })).status).toBe(200);
    const trail = await call(audit.GET, { token: tokens.admin, path: `/x?entityType=user&entityId=${actor.userId}` });
    const actions = trail.body.events.map((e: { action: string }) => e.action);
    expect(actions).toContain("change_password");
    expect(actions).toContain("end_sessions");
    const hash = (await prisma.user.findUniqueOrThrow({ where: { id: actor.userId } })).passwordHash;
    expect(JSON.stringify(trail.body)).not.toContain(hash);
    expect(JSON.stringify(trail.body)).not.toContain("argon2");
  });
});
