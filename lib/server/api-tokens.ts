import "server-only";
import type { ApiTokenDto } from "@/lib/dto/tokens";
import type { ApiToken } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ApiTokenInput } from "@/lib/schemas/api-token";
import type { Actor, PersonActor } from "./auth/actor";
import { lesserRole } from "./auth/roles";
import { hashTokenSecret, newTokenSecret, tokenDisplayPrefix } from "./auth/token-secret";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { NotFoundError } from "./errors";

const USER_FIELDS = { email: true, role: true } as const;

function toDto(t: ApiToken & { user: { email: string; role: Role } }): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    effectiveRole: lesserRole(t.role, t.user.role),
    createdBy: t.user.email,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revoked: t.revokedAt !== null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    active: t.revokedAt === null && (t.expiresAt === null || t.expiresAt > new Date()),
  };
}

export async function listApiTokens(): Promise<ApiTokenDto[]> {
  const rows = await prisma.apiToken.findMany({ include: { user: { select: USER_FIELDS } }, orderBy: { createdAt: "desc" } });
  return rows.map(toDto);
}

/** Returns the secret once; only its hash is stored. */
export async function createApiToken(actor: PersonActor, input: ApiTokenInput): Promise<{ token: ApiTokenDto; secret: string }> {
  const secret = newTokenSecret();
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        role: input.role,
        userId: actor.userId,
        tokenHash: hashTokenSecret(secret),
        prefix: tokenDisplayPrefix(secret),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
      include: { user: { select: USER_FIELDS } },
    });
    const token = toDto(row);
    await recordAudit(tx, actor, { action: "create", entityType: "api_token", entityId: row.id, after: token });
    return { token, secret };
  });
}

export async function revokeApiToken(actor: Actor, id: string): Promise<ApiTokenDto> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id }, include: { user: { select: USER_FIELDS } } });
    if (!before) throw new NotFoundError("API token", id);
    const row = await tx.apiToken.update({
      where: { id },
      data: { revokedAt: before.revokedAt ?? new Date() },
      include: { user: { select: USER_FIELDS } },
    });
    await recordAudit(tx, actor, { action: "revoke", entityType: "api_token", entityId: id, before: toDto(before), after: toDto(row) });
    return toDto(row);
  });
}
