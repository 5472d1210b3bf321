// Response schemas of the API tokens API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { InstantText, RoleText } from "./common";

export const ApiTokenDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: RoleText,
  /** What the token may do now: the lesser of its role and its owner's current role. */
  effectiveRole: RoleText,
  createdBy: z.string(),
  createdAt: InstantText,
  lastUsedAt: InstantText.nullable(),
  expiresAt: InstantText.nullable(),
  revoked: z.boolean(),
  revokedAt: InstantText.nullable(),
  /** Not revoked and not expired: the token still signs requests in. */
  active: z.boolean(),
});
export type ApiTokenDto = z.infer<typeof ApiTokenDto>;

/** `GET /api/v1/tokens`. */
export const ApiTokenListDto = z.strictObject({ tokens: z.array(ApiTokenDto) });
export type ApiTokenListDto = z.infer<typeof ApiTokenListDto>;

/** `POST /api/v1/tokens`: the token and its secret, shown this once (only its hash is stored). */
export const ApiTokenCreatedDto = z.strictObject({ token: ApiTokenDto, secret: z.string() });
export type ApiTokenCreatedDto = z.infer<typeof ApiTokenCreatedDto>;
