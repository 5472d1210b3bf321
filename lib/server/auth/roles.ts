import type { Role } from "@/lib/generated/prisma/enums";

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

/** The weaker of two roles: a token never does more than its owner may do now. */
export function lesserRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}
