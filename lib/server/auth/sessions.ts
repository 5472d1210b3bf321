import "server-only";
import { prisma, type Tx } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/audit";
import type { Actor } from "./actor";

/** How long a sign-in lasts, at most: the cookie and the row expire together. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

export type SessionEndReason = "sign_out" | "password_changed" | "role_changed" | "disabled";

/** A new server-side session for a successful sign-in; its id goes into the cookie. */
export async function openSession(userId: string, userAgent: string): Promise<string> {
  const row = await prisma.session.create({
    data: { userId, userAgent: userAgent.slice(0, 300), expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return row.id;
}

/** Ends one session (signing out). Unknown or already ended: nothing to do. */
export async function endSession(sessionId: string, reason: SessionEndReason): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
}

/**
 * Ends every open session of a user, in the caller's transaction, and records it in the audit
 * trail: the person is signed out everywhere at once.
 */
export async function endUserSessions(tx: Tx, actor: Actor | null, userId: string, reason: SessionEndReason): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  if (count > 0) await recordAudit(tx, actor, { action: "end_sessions", entityType: "user", entityId: userId, after: { reason, sessionsEnded: count } });
  return count;
}

type SessionUser = { id: string; email: string; name: string; role: "viewer" | "editor" | "admin"; disabledAt: Date | null };

/**
 * The user of a session cookie, if the session is still open: not ended, not expired, the user
 * enabled. Read on every request (one indexed read with the user), so no privilege outlives it.
 */
export async function sessionUser(userId: string, sessionId: string): Promise<SessionUser | null> {
  const row = await prisma.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  const now = new Date();
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt <= now || row.user.disabledAt) return null;
  // lastSeenAt is informative; at most one write a minute per session keeps reads cheap.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await prisma.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return row.user;
}
