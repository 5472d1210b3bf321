// Response schemas of the users API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { InstantText, RoleText } from "./common";

export const UserDto = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleText,
  disabled: z.boolean(),
  /** Has a local password (false: signs in only through the identity provider). */
  localPassword: z.boolean(),
  /** Linked to an account at the identity provider (OpenID Connect). */
  identityProvider: z.boolean(),
  version: z.int(),
  createdAt: InstantText,
});
export type UserDto = z.infer<typeof UserDto>;

/** `GET /api/v1/users`. */
export const UserListDto = z.strictObject({ users: z.array(UserDto) });
export type UserListDto = z.infer<typeof UserListDto>;

/** `GET /api/v1/me`: who is asking. A token acts with its own role, never above its owner's. */
export const MeDto = z.strictObject({ kind: z.enum(["user", "token"]), email: z.string(), name: z.string(), role: RoleText });
export type MeDto = z.infer<typeof MeDto>;
