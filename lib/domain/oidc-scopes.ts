// The scopes Nines asks the identity provider for (OpenID Connect). Pure rules: shared by the
// Settings form, the API's validation and the NINES_OIDC_SCOPES variable.

/** What Nines asks for unless told otherwise: the ID token, the e-mail address and the name. */
export const DEFAULT_OIDC_SCOPES = "openid email profile";

/** RFC 6749 §3.3: a scope token is printable ASCII without space, double quote or backslash. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const MAX_SCOPES = 30;
const MAX_LENGTH = 500;

/** The scopes as one space-separated string: surrounding and repeated spaces dropped, each scope once, in order. */
export function normalizeScopes(text: string): string {
  return [...new Set(text.trim().split(/\s+/).filter(Boolean))].join(" ");
}

/** Why a scopes text cannot be sent to the provider, or null. */
export function scopesIssue(text: string): string | null {
  const scopes = normalizeScopes(text).split(" ").filter(Boolean);
  if (scopes.length === 0) return `Required: at least "openid", e.g. "${DEFAULT_OIDC_SCOPES}"`;
  // A comma is allowed in a scope, but a list written with commas is the usual slip.
  if (scopes.some((s) => s.includes(","))) return "Separate scopes with spaces, not commas";
  const bad = scopes.find((s) => !SCOPE_TOKEN.test(s));
  if (bad !== undefined) return `"${bad.slice(0, 40)}" is not a scope: use no quotes or backslashes`;
  if (!scopes.includes("openid")) return `Must include openid (without it the provider sends no ID token), e.g. "openid ${scopes.join(" ")}"`;
  if (scopes.length > MAX_SCOPES) return `At most ${MAX_SCOPES} scopes`;
  if (scopes.join(" ").length > MAX_LENGTH) return `Must be at most ${MAX_LENGTH} characters`;
  return null;
}
