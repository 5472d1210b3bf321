import "server-only";
import { roleChangeIssues, type HeldRole } from "@/lib/domain/incident-roles";
import type { IncidentDto } from "@/lib/dto/incidents";
import type { RoleHolderInput } from "@/lib/schemas/incident";
import type { Tx } from "./db";
import { ValidationError } from "./errors";

/** The roles an incident holds, as the history compares them (lib/domain/incident-history.ts). */
export const heldRoles = (incident: IncidentDto): HeldRole[] => incident.roles.map((r) => ({ role: r.role, user: r.user?.id ?? null, name: r.name }));

/**
 * Sets and clears an incident's role holders inside the caller's transaction: each role must be
 * one the settings list (a role no longer listed may only be cleared), each user an active
 * account. Issues name the field (`roles.commander`, `roles.commander.user`).
 */
export async function writeRoles(tx: Tx, incidentId: string, held: HeldRole[], change: Record<string, RoleHolderInput | null>): Promise<void> {
  const settings = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { incidentRoles: true } });
  const issues = roleChangeIssues(settings?.incidentRoles ?? [], held, change);
  const userIds = [...new Set(Object.values(change).flatMap((h) => (h?.user ? [h.user] : [])))];
  const users = new Map((await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, disabledAt: true } })).map((u) => [u.id, u]));
  for (const [role, holder] of Object.entries(change)) {
    if (!holder?.user) continue;
    const user = users.get(holder.user);
    if (!user) issues.push({ path: `roles.${role}.user`, message: `No user has id '${holder.user}'; for someone without an account, give their name instead` });
    else if (user.disabledAt) issues.push({ path: `roles.${role}.user`, message: `${user.name}'s account is disabled` });
  }
  if (issues.length) throw new ValidationError(issues);
  for (const [role, holder] of Object.entries(change)) {
    if (holder === null) {
      await tx.incidentRoleHolder.deleteMany({ where: { incidentId, role } });
      continue;
    }
    const user = holder.user ? users.get(holder.user) : undefined;
    const data = { userId: user?.id ?? null, name: user?.name ?? (holder.name as string), assignedAt: new Date() };
    const same = held.find((h) => h.role === role && (user ? h.user === user.id : h.user === null && h.name === data.name));
    if (same) continue;
    await tx.incidentRoleHolder.upsert({ where: { incidentId_role: { incidentId, role } }, create: { incidentId, role, ...data }, update: data });
  }
}
