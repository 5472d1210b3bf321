import { SignInSettingsUpdate } from "@/lib/schemas/sign-in-settings";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { getSignInSettings, updateSignInSettings } from "@/lib/server/sign-in-settings";

/** How people sign in: OpenID Connect (the client secret never shown) and local passwords (admin). */
export const GET = apiRoute("admin", () => getSignInSettings());

/** Configure OpenID Connect (`oidc`, null removes it) and turn local passwords on or off. */
export const PATCH = apiRoute("admin", async ({ req, actor }) => updateSignInSettings(actor, parse(SignInSettingsUpdate, await readJson(req))));
