/**
 * Incident roles: the parts people play while an incident runs (commander, communications,
 * scribe...), as an admin lists them in the settings. Not user roles (viewer, editor, admin),
 * which say what an account may do. Pure.
 */

export const DEFAULT_INCIDENT_ROLES = ["commander", "communications", "scribe"] as const;
export const MAX_INCIDENT_ROLES = 20;
/** A role's key: lowercase words joined by "_", the key of PATCH /incidents/{id} "roles". */
export const INCIDENT_ROLE_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
export const MAX_ROLE_KEY_LENGTH = 40;

/** "communications" → "Communications", "tech_lead" → "Tech lead". */
export function roleLabel(role: string): string {
  const words = role.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who holds a role: a Nines user (with their name) or a typed name (user null). */
export type RoleHolder = { user: string | null; name: string };

export const sameHolder = (a: RoleHolder | null, b: RoleHolder | null): boolean =>
  a === null || b === null ? a === b : a.user !== null || b.user !== null ? a.user === b.user : a.name === b.name;

/** A held role as the incident carries it. */
export type HeldRole = { role: string } & RoleHolder;

/**
 * The roles an incident page shows, in the settings' order, each with its holder or null; then any
 * role still held that the settings no longer list (its holder stays visible until cleared).
 */
export function rolesToShow(listed: readonly string[], held: readonly HeldRole[]): { role: string; holder: RoleHolder | null; listed: boolean }[] {
  const byRole = new Map(held.map((h) => [h.role, h]));
  const shown = listed.map((role) => {
    const h = byRole.get(role);
    return { role, holder: h ? { user: h.user, name: h.name } : null, listed: true };
  });
  const unlisted = held.filter((h) => !listed.includes(h.role)).map((h) => ({ role: h.role, holder: { user: h.user, name: h.name }, listed: false }));
  return [...shown, ...unlisted];
}

/**
 * The issues of a roles change against the listed roles: a role not listed may only be cleared
 * (an incident may still hold a role the admin has since removed).
 */
export function roleChangeIssues(listed: readonly string[], held: readonly HeldRole[], change: Record<string, unknown>): { path: string; message: string }[] {
  const heldRoles = new Set(held.map((h) => h.role));
  return Object.entries(change).flatMap(([role, to]) =>
    listed.includes(role) || (to === null && heldRoles.has(role))
      ? []
      : [{ path: `roles.${role}`, message: `Not an incident role: the roles are ${listed.join(", ") || "none (an admin lists them in Settings)"}` }],
  );
}
