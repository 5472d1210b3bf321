import "server-only";
import { groupList, type GroupRoleMap, type OidcRole } from "@/lib/domain/oidc-roles";
import { DEFAULT_OIDC_SCOPES, normalizeScopes, scopesIssue } from "@/lib/domain/oidc-scopes";
import { issuerIssue } from "@/lib/schemas/sign-in-settings";
import { StoredOidcSettings } from "@/lib/schemas/stored";
import { prisma } from "@/lib/server/db";
import { open } from "@/lib/server/secret-box";

/** The provider id in next-auth's routes: the redirect URI is <NEXTAUTH_URL>/api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/** The OpenID Connect configuration in force (docs/decisions/0032-oidc-sign-in.md). */
export type OidcConfig = {
  source: "settings" | "environment";
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  displayName: string;
  groupsClaim: string;
  /** Space-separated, with openid: what the authorization request asks for. */
  scopes: string;
  groups: GroupRoleMap;
  defaultRole: OidcRole | null;
  /**
   * Changes whenever the configuration may have: the settings row's version, or "environment".
   * Whatever is kept about the provider between requests (its discovery document) is kept for one
   * revision only, so a change made in any process reaches every process.
   */
  revision: string;
};

const ROLES = ["viewer", "editor", "admin"] as const;
const trimSlash = (s: string) => s.replace(/\/+$/, "");

let warned = "";
function warnOnce(message: string): void {
  if (warned === message) return;
  warned = message;
  console.error(`[nines] ${message}`);
}

/**
 * NINES_OIDC_* from the environment; null when NINES_OIDC_ISSUER is unset. A wrong value is
 * logged and leaves OpenID Connect off (local sign-in keeps working), never a crashed login page.
 */
export function oidcConfigFromEnv(env: Record<string, string | undefined> = process.env): Omit<OidcConfig, "source" | "revision"> | null {
  const issuer = env.NINES_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const issue = issuerIssue(issuer) ?? (env.NINES_OIDC_CLIENT_ID?.trim() ? null : "NINES_OIDC_CLIENT_ID is not set");
  const defaultRole = env.NINES_OIDC_DEFAULT_ROLE?.trim() || null;
  const roleIssue = defaultRole && !(ROLES as readonly string[]).includes(defaultRole) ? `NINES_OIDC_DEFAULT_ROLE must be viewer, editor or admin, not "${defaultRole}"` : null;
  const scopes = env.NINES_OIDC_SCOPES?.trim() || DEFAULT_OIDC_SCOPES;
  const scopeIssue = scopesIssue(scopes);
  const problem = roleIssue ?? (scopeIssue && `NINES_OIDC_SCOPES: ${scopeIssue}`);
  if (issue || problem) {
    warnOnce(`OpenID Connect from the environment is off: ${problem ?? (issue?.startsWith("NINES") ? issue : `NINES_OIDC_ISSUER: ${issue}`)}`);
    return null;
  }
  return {
    issuer: trimSlash(issuer),
    clientId: env.NINES_OIDC_CLIENT_ID!.trim(),
    clientSecret: env.NINES_OIDC_CLIENT_SECRET?.trim() || null,
    displayName: env.NINES_OIDC_NAME?.trim() || "single sign-on",
    groupsClaim: env.NINES_OIDC_GROUPS_CLAIM?.trim() || "groups",
    scopes: normalizeScopes(scopes),
    groups: { viewer: groupList(env.NINES_OIDC_VIEWER_GROUPS), editor: groupList(env.NINES_OIDC_EDITOR_GROUPS), admin: groupList(env.NINES_OIDC_ADMIN_GROUPS) },
    defaultRole: defaultRole as OidcRole | null,
  };
}

export type SignInConfig = { oidc: OidcConfig | null; localPasswords: boolean };

/**
 * What sign-in offers now, read per request (an admin may change it at any time). Stored
 * settings win over the environment: once an admin saved a configuration (even a disabled one),
 * the environment's is not used until the stored one is removed.
 */
export async function currentSignInConfig(): Promise<SignInConfig> {
  const row = await prisma.organizationSettings.findUnique({ where: { id: 1 }, select: { oidc: true, localPasswords: true, version: true } });
  const localPasswords = row?.localPasswords ?? true;
  if (row?.oidc == null) {
    const env = oidcConfigFromEnv();
    return { oidc: env && { source: "environment", ...env, revision: "environment" }, localPasswords };
  }
  const s = StoredOidcSettings.read(row.oidc, "The organisation's settings");
  if (!s.enabled) return { oidc: null, localPasswords };
  const clientSecret = s.sealedSecret ? open(s.sealedSecret) : null;
  // Sealed under another NEXTAUTH_SECRET: the token exchange would fail with an unclear error.
  if (s.sealedSecret && clientSecret === null) warnOnce("The stored OpenID Connect client secret cannot be opened (NEXTAUTH_SECRET changed?): enter it again in Settings → Sign-in");
  return {
    oidc: {
      source: "settings",
      issuer: trimSlash(s.issuer),
      clientId: s.clientId,
      clientSecret,
      displayName: s.displayName,
      groupsClaim: s.groupsClaim,
      scopes: s.scopes,
      groups: s.groups,
      defaultRole: s.defaultRole,
      revision: `settings ${row.version}`,
    },
    localPasswords,
  };
}
