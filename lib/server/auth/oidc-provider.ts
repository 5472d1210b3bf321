import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcConfig } from "./oidc-config";
import { OIDC_PROVIDER_ID } from "./oidc-config";
import { wellKnownUrl, type OidcEndpoints } from "./oidc-discovery";

type Claims = Record<string, unknown> & { sub: string };

/**
 * next-auth's OAuth provider for an OpenID Connect issuer: the authorization code flow with PKCE,
 * state and nonce, and the ID token verified by openid-client (idToken: true) before any claim is
 * believed. With `endpoints` (the discovery document Nines keeps, oidc-discovery.ts) next-auth
 * builds its client from them; without, it reads the well-known document itself, as it does when
 * Nines could not (its error is then the login page's).
 */
export function oidcProvider(config: OidcConfig, endpoints: OidcEndpoints | null = null): OAuthConfig<Claims> {
  // Microsoft's multi-tenant issuers ("…/{tenantid}/v2.0") are checked by openid-client only when
  // it read the document itself.
  const known = endpoints && !endpoints.issuer.includes("{tenantid}") ? endpoints : null;
  const where = known
    ? { issuer: known.issuer, authorization: { url: known.authorization, params: { scope: config.scopes } }, token: { url: known.token }, jwks_endpoint: known.jwks }
    : { wellKnown: wellKnownUrl(config.issuer), authorization: { params: { scope: config.scopes } } };
  return {
    id: OIDC_PROVIDER_ID,
    name: config.displayName,
    type: "oauth",
    ...where,
    clientId: config.clientId,
    clientSecret: config.clientSecret ?? undefined,
    // Without a secret: a public client, which PKCE protects.
    client: config.clientSecret ? { token_endpoint_auth_method: "client_secret_basic" } : { token_endpoint_auth_method: "none" },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // A 10 s limit on discovery and token requests: an identity provider that does not answer
    // becomes a sign-in error on the login page instead of a hanging button.
    httpOptions: { timeout: 10_000 },
    userinfo: {
      ...(known?.userinfo ? { url: known.userinfo } : {}),
      // The ID token's claims, verified. Providers that leave the groups out of the ID token
      // give them at the userinfo endpoint (openid-client checks its subject is the token's).
      async request({ tokens, client }) {
        // openid-client's TokenSet at run time (next-auth's typings say only its parameters).
        const set = tokens as unknown as { claims(): Claims; access_token?: string };
        const idClaims = set.claims();
        const root = config.groupsClaim.split(".")[0] ?? config.groupsClaim;
        if (config.groupsClaim in idClaims || root in idClaims || !set.access_token || !client.issuer.metadata.userinfo_endpoint) return idClaims;
        return { ...(await client.userinfo(set as Parameters<typeof client.userinfo>[0])), ...idClaims };
      },
    },
    profile(claims) {
      return { id: claims.sub, email: typeof claims.email === "string" ? claims.email : null, name: typeof claims.name === "string" ? claims.name : null };
    },
  };
}
