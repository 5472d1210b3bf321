import { z } from "zod";
import { DEFAULT_OIDC_SCOPES, normalizeScopes, scopesIssue } from "@/lib/domain/oidc-scopes";
import { PlainString, Version } from "./common";

// Request schemas of the sign-in settings (PATCH /api/v1/settings/sign-in): OpenID Connect and
// whether local passwords are allowed.

/** Loopback addresses may use http (a provider on the same machine, tests); anything else https. */
export function issuerIssue(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Must be a URL, e.g. https://login.example.com/realms/sre";
  }
  if (url.search || url.hash) return "Must not have a query or a fragment";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) return null;
  return "Must be an https:// URL (http only on localhost)";
}

/** The issuer without a trailing slash: discovery adds /.well-known/openid-configuration to it. */
export const IssuerUrl = PlainString("Required")
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    const issue = issuerIssue(s);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  })
  .transform((s) => s.replace(/\/+$/, ""));

/** Space-separated scopes including openid; stored normalised (each once, single spaces). */
export const ScopesText = PlainString("Must be text: scopes separated by spaces")
  .superRefine((s, ctx) => {
    const issue = scopesIssue(s);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  })
  .transform(normalizeScopes);

const Text = (max: number) => PlainString("Required").transform((s) => s.trim()).pipe(z.string().min(1, { error: "Required" }).max(max, { error: `Must be at most ${max} characters` }));
const GroupNames = z.array(PlainString("Must be a group name").transform((s) => s.trim()).pipe(z.string().min(1, { error: "Must not be empty" }).max(200)), { error: "Must be a list of group names" }).max(50, { error: "At most 50 groups" });

export const OidcSettingsInput = z.strictObject({
  enabled: z.boolean({ error: "Must be true or false" }),
  issuer: IssuerUrl,
  clientId: Text(200),
  /** Write-only: a new secret replaces the stored one; null removes it; left out keeps it. */
  clientSecret: PlainString("Must be text").pipe(z.string().min(1, { error: "Must not be empty; send null to remove it" }).max(500)).nullable().optional(),
  displayName: Text(60),
  groupsClaim: Text(200),
  /** Left out: openid email profile. Some providers send the groups claim only under a scope of its own. */
  scopes: ScopesText.default(DEFAULT_OIDC_SCOPES),
  groups: z.strictObject({ viewer: GroupNames, editor: GroupNames, admin: GroupNames }),
  defaultRole: z.enum(["viewer", "editor", "admin"], { error: "Must be viewer, editor, admin or null" }).nullable(),
});
export type OidcSettingsInput = z.infer<typeof OidcSettingsInput>;

export const SignInSettingsUpdate = z.strictObject({
  /** null removes the stored configuration (the environment's applies again, if any). */
  oidc: OidcSettingsInput.nullable().optional(),
  localPasswords: z.boolean({ error: "Must be true or false" }).optional(),
  version: Version,
});
export type SignInSettingsUpdate = z.infer<typeof SignInSettingsUpdate>;
