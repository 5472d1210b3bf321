import { SignInSettingsDto } from "@/lib/dto/sign-in";
import { ok } from "./route-replies";
import type { RouteDoc } from "./routes";
import { SignInSettingsUpdate } from "./sign-in-settings";

// The sign-in settings of the route table (routes.ts): OpenID Connect and local passwords (admin).

export const SIGN_IN_ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/v1/settings/sign-in", summary: "How people sign in: the OpenID Connect configuration in force (stored settings win over NINES_OIDC_*; the client secret is never shown), the redirect URI to register, and whether local passwords are allowed", role: "admin", responses: ok(SignInSettingsDto) },
  { method: "patch", path: "/api/v1/settings/sign-in", summary: "Configure OpenID Connect (`oidc`; `clientSecret` is write-only, left out keeps it; null removes the stored configuration) and turn local passwords on or off (off only while an active admin has a local password, who keeps it for recovery)", role: "admin", body: SignInSettingsUpdate, responses: ok(SignInSettingsDto) },
];
