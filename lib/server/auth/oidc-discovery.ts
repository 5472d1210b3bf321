import "server-only";
import { z } from "zod";
import type { OidcConfig } from "./oidc-config";

/** How long a provider's discovery document is used before it is read again. */
export const DISCOVERY_TTL_MS = 5 * 60_000;
/** As next-auth's own requests to the provider: an unanswered one becomes an error, not a hang. */
const TIMEOUT_MS = 10_000;

/** What Nines needs of an OpenID provider's discovery document (OpenID Connect Discovery 1.0 §3). */
const Url = z.url({ protocol: /^https?$/ });
const DiscoveryDocument = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: Url,
  token_endpoint: Url,
  jwks_uri: Url,
  userinfo_endpoint: Url.optional(),
});

/** The provider's endpoints, as next-auth's provider takes them instead of a well-known URL. */
export type OidcEndpoints = { issuer: string; authorization: string; token: string; userinfo: string | null; jwks: string };

type Entry = { revision: string; endpoints: OidcEndpoints; until: number };
const globalForDiscovery = globalThis as unknown as { __ninesOidcDiscovery?: Map<string, Entry> };
const cache = () => (globalForDiscovery.__ninesOidcDiscovery ??= new Map());

export const wellKnownUrl = (issuer: string) => `${issuer}/.well-known/openid-configuration`;

/**
 * The provider's endpoints from its discovery document, read at most once per issuer every
 * DISCOVERY_TTL_MS in this process (docs/decisions/0037-oidc-discovery-cache-and-refusals.md),
 * and again as soon as the settings changed (the config's revision). Throws when the document
 * cannot be read or lacks an endpoint: nothing is kept, the next press tries again.
 */
export async function discoverOidc(config: Pick<OidcConfig, "issuer" | "revision">, now = Date.now()): Promise<OidcEndpoints> {
  const kept = cache().get(config.issuer);
  if (kept && kept.revision === config.revision && kept.until > now) return kept.endpoints;
  const res = await fetch(wellKnownUrl(config.issuer), { headers: { accept: "application/json" }, cache: "no-store", redirect: "follow", signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) throw new Error(`The identity provider's discovery document answered ${res.status}`);
  const doc = DiscoveryDocument.safeParse(await res.json());
  if (!doc.success) throw new Error(`The identity provider's discovery document lacks ${doc.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  const d = doc.data;
  // The issuer exactly as the provider writes it: ID tokens are checked against this value.
  const endpoints = { issuer: d.issuer, authorization: d.authorization_endpoint, token: d.token_endpoint, userinfo: d.userinfo_endpoint ?? null, jwks: d.jwks_uri };
  cache().set(config.issuer, { revision: config.revision, endpoints, until: now + DISCOVERY_TTL_MS });
  return endpoints;
}

/** Forgets every provider's document (settings saved in this process; other processes see the new revision). */
export function forgetOidcDiscovery(): void {
  cache().clear();
}
