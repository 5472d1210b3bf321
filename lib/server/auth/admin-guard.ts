import "server-only";
import type { Tx } from "../db";

/**
 * Why `userId` may not stop being an active admin, or null (decision 0032): Nines keeps one active
 * admin, and while local passwords are off, one active admin with a local password, the way back in
 * when the identity provider fails. The organisation's row is locked first, so a demotion, a
 * disabling and turning local passwords off, each checking the others' rule, run one at a time.
 */
export async function adminLossProblem(tx: Tx, userId: string): Promise<string | null> {
  await lockOrganisation(tx);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true, passwordHash: true } });
  if (!user || user.role !== "admin" || user.disabledAt) return null;
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
  if (others === 0) return "Nines needs at least one active admin";
  const settings = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { localPasswords: true } });
  if (user.passwordHash && settings && !settings.localPasswords) {
    const withPassword = await tx.user.count({ where: { role: "admin", disabledAt: null, passwordHash: { not: null }, id: { not: userId } } });
    if (withPassword === 0) return "Local passwords are off: keep at least one active admin with a local password, for when the identity provider fails";
  }
  return null;
}

/** Takes the organisation's row for the rest of the transaction (created if missing). */
export async function lockOrganisation(tx: Tx): Promise<void> {
  await tx.$executeRaw`INSERT INTO "OrganizationSettings" (id, "updatedAt") VALUES (1, now()) ON CONFLICT (id) DO NOTHING`;
  await tx.$queryRaw`SELECT id FROM "OrganizationSettings" WHERE id = 1 FOR UPDATE`;
}
