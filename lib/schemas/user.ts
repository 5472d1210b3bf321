import { z } from "zod";
import { Name, RoleName, Version } from "./common";

export const Email = z
  .string({ error: "Required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Must be an e-mail address" }));

export const NewPassword = z
  .string({ error: "Required" })
  .min(12, { error: "Must be at least 12 characters" })
  .max(200, { error: "Must be at most 200 characters" });

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, { error: "Required" }).max(200),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const SetupInput = z.strictObject({
  name: Name,
  email: Email,
  password: NewPassword,
  /** Also fill the new installation with the demo organisation (lib/server/demo). */
  demo: z.boolean({ error: "Must be true or false" }).optional(),
});
export type SetupInput = z.infer<typeof SetupInput>;

/** What a new account without a password needs: an identity provider to sign in with. */
export const PASSWORD_REQUIRED_WITHOUT_PROVIDER = "Required: without an identity provider (Settings → Sign-in) a password is the only way to sign in";

export const UserInput = z.strictObject({
  name: Name,
  email: Email,
  /**
   * Left out or null: no local password; allowed only while OpenID Connect is configured. The
   * account is linked at the person's first sign-in there, by their verified e-mail address.
   */
  password: NewPassword.nullable().optional(),
  role: RoleName,
});
export type UserInput = z.infer<typeof UserInput>;

export const UserUpdate = z.strictObject({
  name: Name.optional(),
  role: RoleName.optional(),
  password: NewPassword.optional(),
  disabled: z.boolean({ error: "Must be true or false" }).optional(),
  // Required: an edit without the version it was based on would silently overwrite another.
  version: Version,
});
export type UserUpdate = z.infer<typeof UserUpdate>;
