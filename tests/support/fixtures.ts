import type { Role } from "@/lib/generated/prisma/enums";
import { encode } from "next-auth/jwt";
import { createApiToken } from "@/lib/server/api-tokens";
import { openSession } from "@/lib/server/auth/sessions";
import type { PersonActor as Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { call, unique } from "./api";

/** A user of the given role and an API token acting for them. */
export async function actorWithToken(role: Role): Promise<{ actor: Actor; token: string }> {
  const email = `${unique(role)}@example.test`;
  // The password hash is irrelevant here: these users sign in with tokens only.
  const user = await prisma.user.create({ data: { email, name: `Test ${role}`, role, passwordHash: "x" } });
  const actor: Actor = { kind: "user", userId: user.id, label: email, role, name: user.name, email };
  const { secret } = await createApiToken(actor, { name: unique("token"), role });
  return { actor, token: secret };
}

export type Tokens = Record<Role, string>;

export async function tokensForAllRoles(): Promise<{ tokens: Tokens; admin: Actor }> {
  const [admin, editor, viewer] = await Promise.all([
    actorWithToken("admin"),
    actorWithToken("editor"),
    actorWithToken("viewer"),
  ]);
  return { tokens: { admin: admin.token, editor: editor.token, viewer: viewer.token }, admin: admin.actor };
}

/** Tier ranks are unique; tests take fresh ones from a range the default tiers never use. */
export async function freeTierRank(): Promise<number> {
  const used = new Set((await prisma.tier.findMany({ select: { rank: true } })).map((t) => t.rank));
  for (let rank = 10 + Math.floor(Math.random() * 40); rank < 100; rank++) if (!used.has(rank)) return rank;
  for (let rank = 5; rank < 100; rank++) if (!used.has(rank)) return rank;
  throw new Error("no free tier rank left in the test database");
}

/**
 * A signed-in person's session cookie, as next-auth writes it after a sign-in: a JWT signed with
 * the app's secret naming the user and a server-side session row.
 */
export async function sessionCookie(userId: string, sessionId?: string): Promise<string> {
  const sid = sessionId ?? (await openSession(userId, "integration test"));
  return encode({ token: { sub: userId, sid }, secret: process.env.NEXTAUTH_SECRET as string });
}

/**
 * Sets the organisation's time zone through the API, with the version it reads first. A file that
 * calls it must put the zone back (env.ts fails it otherwise): prefer `timeZoneForFile` or
 * `withSettings` (settings.ts), which do.
 */
export async function setTimeZone(adminToken: string, timeZone: string): Promise<void> {
  const { call } = await import("./api");
  const settings = await import("@/app/api/v1/settings/route");
  const current = await call(settings.GET, { token: adminToken });
  const res = await call(settings.PATCH, { method: "PATCH", token: adminToken, body: { timeZone, version: current.body.version } });
  if (res.status !== 200) throw new Error(`time zone: ${JSON.stringify(res.body)}`);
}

/** A user's PATCH as a script does it: read the user's version from the list, then send it. */
export async function patchUser(adminToken: string, id: string, body: Record<string, unknown>) {
  const { call } = await import("./api");
  const users = await import("@/app/api/v1/users/route");
  const userItem = await import("@/app/api/v1/users/[id]/route");
  const list = await call(users.GET, { token: adminToken });
  const version = (list.body.users as { id: string; version: number }[]).find((u) => u.id === id)?.version;
  return call(userItem.PATCH, { method: "PATCH", token: adminToken, params: { id }, body: { ...body, version } });
}

/** Every week GET /api/v1/reviews lists, page after page (the list is paged; a test's week may be on any page). */
export async function allReviewWeeks(token: string, limit = 50): Promise<{ week: string; [key: string]: unknown }[]> {
  const { GET } = await import("@/app/api/v1/reviews/route");
  const weeks: { week: string }[] = [];
  for (let cursor: string | null = null, pages = 0; ; pages++) {
    const res: { status: number; body: { weeks: { week: string }[]; nextCursor: string | null } } = await call(GET, { token, path: `/x?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}` });
    if (res.status !== 200 || pages > 1000) throw new Error(`GET /api/v1/reviews: ${res.status} ${JSON.stringify(res.body)}`);
    weeks.push(...res.body.weeks);
    cursor = res.body.nextCursor;
    if (!cursor) return weeks;
  }
}
