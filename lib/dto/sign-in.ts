// Response schema of the sign-in settings (GET/PATCH /api/v1/settings/sign-in), and its type.
import { z } from "zod";
import { Count, RoleText } from "./common";

const Groups = z.strictObject({ viewer: z.array(z.string()), editor: z.array(z.string()), admin: z.array(z.string()) });

export const SignInSettingsDto = z.strictObject({
  /** Whether people may sign in with a local password (admins who have one always may). */
  localPasswords: z.boolean(),
  /** Active admins who have a local password: local passwords can be turned off only while there is one. */
  adminsWithPassword: Count,
  /** Where the OpenID Connect configuration in force comes from: stored settings win over the environment. */
  source: z.enum(["settings", "environment", "none"]),
  /** What to register at the identity provider as the redirect (callback) URI. */
  redirectUri: z.string(),
  /** The stored configuration (the secret is never shown); null: none stored. */
  oidc: z
    .strictObject({
      enabled: z.boolean(),
      issuer: z.string(),
      clientId: z.string(),
      secretConfigured: z.boolean(),
      displayName: z.string(),
      groupsClaim: z.string(),
      /** Space-separated scopes the sign-in asks for (always with openid). */
      scopes: z.string(),
      groups: Groups,
      defaultRole: RoleText.nullable(),
    })
    .nullable(),
  /** What the environment (NINES_OIDC_*) configures, for reference; null: nothing. */
  environment: z.strictObject({ issuer: z.string(), clientId: z.string(), displayName: z.string(), groupsClaim: z.string(), scopes: z.string(), groups: Groups, defaultRole: RoleText.nullable() }).nullable(),
  version: z.int(),
});
export type SignInSettingsDto = z.infer<typeof SignInSettingsDto>;
