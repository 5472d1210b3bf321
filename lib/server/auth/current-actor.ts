import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import type { PersonActor as Actor } from "./actor";
import { authOptions, secureCookies } from "./options";
import { lesserRole, roleAllows } from "./roles";
import { sessionUser } from "./sessions";
import { hashTokenSecret } from "./token-secret";

/** The person behind a session cookie, while its server-side session is open. */
async function actorForSession(userId: string | undefined, sessionId: string | undefined): Promise<Actor | null> {
  if (!userId || !sessionId) return null;
  const user = await sessionUser(userId, sessionId);
  return user && { kind: "user", userId: user.id, label: user.email, role: user.role, name: user.name, email: user.email };
}

async function actorForToken(secret: string): Promise<Actor | null> {
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    include: { user: true },
  });
  const now = new Date();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (token.user.disabledAt) return null;
  // lastUsedAt is informative; at most one write a minute per token keeps reads cheap.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "token",
    userId: token.userId,
    label: `token:${token.name}`,
    // Read with the token on every request, so a demotion of its owner takes effect at once.
    role: lesserRole(token.role, token.user.role),
    name: token.user.name,
    email: token.user.email,
  };
}

/** next-auth's session cookie, __Secure- prefixed over https, split in chunks when large. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/** Whether the request carries any credentials at all: an Authorization header or a session cookie. */
export function carriesCredentials(req: NextRequest): boolean {
  return req.headers.has("authorization") || req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
}

/** The actor of an API request: `Authorization: Bearer <token>`, else the session cookie. */
export async function actorFromRequest(req: NextRequest): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) return null;
    return actorForToken(match[1]);
  }
  const jwt = await getToken({ req, secret: process.env.NEXTAUTH_SECRET, secureCookie: secureCookies });
  return actorForSession(jwt?.sub, jwt?.sid);
}

export async function requireApiActor(req: NextRequest, need: Role): Promise<Actor> {
  const actor = await actorFromRequest(req);
  if (!actor) throw new UnauthenticatedError();
  if (!roleAllows(actor.role, need)) {
    throw new ForbiddenError(`This needs the ${need} role; you have ${actor.role}`);
  }
  return actor;
}

/**
 * The signed-in person for server components and actions; null when signed out. Cached per
 * request: the layout and the page both ask, the user is read once.
 */
export const sessionActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  return actorForSession((session?.user as { id?: string } | undefined)?.id, (session as { sid?: string } | null)?.sid);
});
