import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { OIDC_PROVIDER_ID } from "@/lib/server/auth/oidc-config";
import { discoverOidc } from "@/lib/server/auth/oidc-discovery";
import { authOptionsFor, currentSignInConfig } from "@/lib/server/auth/options";
import { clientAddress, limitSignIn } from "@/lib/server/auth/sign-in-limits";
import { errorResponse } from "@/lib/server/http";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth with the options of this moment: OpenID Connect is offered while it is configured
 * (Settings or the environment), which an admin can change at any time.
 */
async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  const config = await currentSignInConfig();
  const options = authOptionsFor(config, req.headers.get("user-agent") ?? "", config.oidc && (await endpointsFor(req, config.oidc)));
  return NextAuth(options)(req, ctx);
}

/**
 * The provider's endpoints for the two steps that talk to it (starting a sign-in, and its
 * callback), from the discovery document Nines keeps for a few minutes. When it cannot be read,
 * next-auth reads it itself and its failure is the login page's usual error.
 */
async function endpointsFor(req: NextRequest, oidc: Parameters<typeof discoverOidc>[0]) {
  const path = req.nextUrl.pathname;
  if (!path.endsWith(`/signin/${OIDC_PROVIDER_ID}`) && !path.endsWith(`/callback/${OIDC_PROVIDER_ID}`)) return null;
  return discoverOidc(oidc).catch((err: unknown) => {
    console.error(`[nines] OpenID Connect discovery at ${oidc.issuer} failed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  });
}

export { handler as GET };

/** Sign-in with a password runs under the failed-attempt limits; everything else is next-auth's. */
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  if (!req.nextUrl.pathname.endsWith("/callback/credentials")) return handler(req, ctx);
  try {
    const form = await req.clone().formData();
    const email = String(form.get("email") ?? "");
    return await limitSignIn(email, clientAddress(req.headers), async () => {
      const result: Response = await handler(req, ctx);
      // next-auth answers a wrong password with 401, a sign-in with 200 and the session cookie.
      return { result, succeeded: result.status === 200 && result.headers.getSetCookie().some((c) => c.includes("session-token=")) };
    });
  } catch (err) {
    return errorResponse(err);
  }
}
