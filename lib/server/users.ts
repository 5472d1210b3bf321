import "server-only";
import type { UserDto } from "@/lib/dto/users";
import type { User } from "@/lib/generated/prisma/client";
import { PASSWORD_REQUIRED_WITHOUT_PROVIDER, type UserInput, type UserUpdate } from "@/lib/schemas/user";
import type { Actor } from "./auth/actor";
import { currentSignInConfig } from "./auth/oidc-config";
import { hashPassword } from "./auth/password";
import { endUserSessions } from "./auth/sessions";
import { adminLossProblem } from "./auth/admin-guard";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { versionedEdit } from "./versioned";

export function toUserDto(u: User): UserDto {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null, localPassword: u.passwordHash !== null, identityProvider: u.oidcSubject !== null, version: u.version, createdAt: u.createdAt.toISOString() };
}

export async function listUsers(): Promise<UserDto[]> {
  const rows = await prisma.user.findMany({ orderBy: { email: "asc" } });
  return rows.map(toUserDto);
}

/** Who may be given an incident role: the active accounts, by name. */
export async function listPeople(): Promise<{ id: string; name: string }[]> {
  return prisma.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/**
 * A new account, with a password or, while OpenID Connect is configured, without one: it is then
 * linked at the person's first sign-in through the provider, by their verified e-mail address
 * (oidc-sign-in.ts), and their role follows their groups from then on.
 */
export async function createUser(actor: Actor, input: UserInput): Promise<UserDto> {
  if (!input.password && !(await currentSignInConfig()).oidc) throw ValidationError.field("password", PASSWORD_REQUIRED_WITHOUT_PROVIDER);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new ConflictError(`A user with e-mail ${input.email} already exists`, [{ path: "email", message: "already exists" }]);
    }
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
    await recordAudit(tx, actor, { action: "create", entityType: "user", entityId: user.id, after: toUserDto(user) });
    return toUserDto(user);
  });
}

export async function updateUser(actor: Actor, id: string, input: UserUpdate): Promise<UserDto> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("User", id);
    const edit = await versionedEdit(tx, { entity: "user", audit: { entityType: "user", entityId: id }, storedVersion: async () => (await tx.user.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    const losesAdmin = before.role === "admin" && ((input.role && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) {
      const problem = await adminLossProblem(tx, id);
      if (problem) throw ValidationError.field(input.role ? "role" : "disabled", problem);
    }
    await edit.write(({ version }) => tx.user.updateMany({
      where: { id, version },
      data: {
        name: input.name,
        role: input.role,
        passwordHash,
        ...(input.disabled === undefined ? {} : { disabledAt: input.disabled ? (before.disabledAt ?? new Date()) : null }),
        version: { increment: 1 },
      },
    }));
    const user = await tx.user.findUniqueOrThrow({ where: { id } });
    const [beforeDto, afterDto] = [toUserDto(before), toUserDto(user)];
    // Every edit is in the trail (a stale one is told who made the newer change): the password
    // change as its own event, never with the hash; anything else, or nothing else, as an update.
    if (passwordHash) await recordAudit(tx, actor, { action: "change_password", entityType: "user", entityId: id, after: { email: user.email } });
    const fieldsChanged = JSON.stringify({ ...beforeDto, version: 0 }) !== JSON.stringify({ ...afterDto, version: 0 });
    if (!passwordHash || fieldsChanged) {
      await recordAudit(tx, actor, { action: "update", entityType: "user", entityId: id, before: beforeDto, after: afterDto });
    }
    // Whoever held a session before the change must sign in again under the new state.
    const reason = passwordHash ? "password_changed" : user.disabledAt && !before.disabledAt ? "disabled" : user.role !== before.role ? "role_changed" : null;
    if (reason) await endUserSessions(tx, actor, id, reason);
    return afterDto;
  });
}
