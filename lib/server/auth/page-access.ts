import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The role each page needs, by path: the one table the (app) layout and the pages consult, so
 * a refusal is a real 403 before anything streams (app/(app)/layout.tsx). The first match wins;
 * a page not listed needs `viewer`.
 */
const PAGE_ROLES: readonly { path: RegExp; role: Role }[] = [
  { path: /^\/services\/new$/, role: "editor" },
  { path: /^\/incidents\/new$/, role: "editor" },
  { path: /^\/services\/[^/]+\/edit$/, role: "editor" },
  { path: /^\/risks\/new$/, role: "editor" },
  { path: /^\/risks\/[^/]+\/edit$/, role: "editor" },
  { path: /^\/settings\/(users|tokens|audit|integrations|sign-in|notifications|status-page)$/, role: "admin" },
  { path: /^\/settings\/notifications\/[^/]+$/, role: "admin" },
  { path: /^\/settings\/tiers\/[^/]+$/, role: "admin" },
];

export function roleForPage(pathname: string): Role {
  return PAGE_ROLES.find((rule) => rule.path.test(pathname))?.role ?? "viewer";
}

/** Set by proxy.ts on every page request: the path and query the person asked for. */
export const PAGE_PATH_HEADER = "x-nines-page";
