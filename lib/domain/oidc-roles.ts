// Sign-in with OpenID Connect: which Nines role a person's groups at the identity provider give,
// and who may still sign in with a local password. Pure rules (docs/decisions/0032-oidc-sign-in.md).

export type OidcRole = "viewer" | "editor" | "admin";

/** Group names at the identity provider that give each role. */
export type GroupRoleMap = Record<OidcRole, string[]>;

const ORDER: OidcRole[] = ["admin", "editor", "viewer"];

/**
 * The values of the groups claim. `claim` may be a dotted path into nested claims (Keycloak's
 * "realm_access.roles"). A list of strings is the usual shape; a single string is one group.
 * Anything else (missing, a number, an object) is no groups: the person is then in no mapped group.
 */
export function groupsFromClaims(claims: Record<string, unknown>, claim: string): string[] {
  let value: unknown = claims;
  // A claim named with a dot (a URL-style custom claim) is looked up whole first.
  if (claim in claims) value = claims[claim];
  else {
    for (const part of claim.split(".")) {
      value = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
    }
  }
  if (typeof value === "string") return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter(Boolean);
  return [];
}

export type RoleDecision = { role: OidcRole; matched: string | null } | { refused: "no_group" };

/**
 * The role a person's groups give: the highest role any of their groups maps to. Group names are
 * compared exactly (providers treat them as case-sensitive ids). In no mapped group: the default
 * role when an admin set one, else refused.
 */
export function roleFromGroups(groups: readonly string[], map: GroupRoleMap, defaultRole: OidcRole | null): RoleDecision {
  const held = new Set(groups);
  for (const role of ORDER) {
    const matched = map[role].find((g) => held.has(g));
    if (matched !== undefined) return { role, matched };
  }
  return defaultRole ? { role: defaultRole, matched: null } : { refused: "no_group" };
}

/**
 * Whether an account may sign in with its password. With local passwords off, only admins who
 * have one keep it: the way back in when the identity provider is down or misconfigured.
 */
export function mayUsePassword(localPasswords: boolean, user: { role: OidcRole; hasPassword: boolean }): boolean {
  if (!user.hasPassword) return false;
  return localPasswords || user.role === "admin";
}

/** Turning local passwords off needs at least one active admin who can still sign in with one. */
export function localPasswordsOffIssue(activeAdminsWithPassword: number): string | null {
  return activeAdminsWithPassword > 0 ? null : "Keep at least one active admin with a local password before turning local passwords off: it is the way in when the identity provider fails";
}

/** Parses a comma- or newline-separated list of group names (a form field, an environment variable). */
export function groupList(text: string | undefined | null): string[] {
  return [...new Set((text ?? "").split(/[,\n]/).map((g) => g.trim()).filter(Boolean))];
}
