import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor, currentSignInConfig } from "@/lib/server/auth/options";
import { clientAddress, limitSignIn } from "@/lib/server/auth/sign-in-limits";
import { errorResponse } from "@/lib/server/http";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth with the options of this moment: OpenID Connect is offered while it is configured
 * (Settings or the environment), which an admin can change at any time.
 */
async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  const options = authOptionsFor(await currentSignInConfig(), req.headers.get("user-agent") ?? "");
  return NextAuth(options)(req, ctx);
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
