import type { Role } from "@/lib/generated/prisma/enums";

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

export const ROLES: readonly Role[] = ["viewer", "editor", "admin"];
