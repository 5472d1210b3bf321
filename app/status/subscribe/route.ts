import type { NextRequest } from "next/server";
import { clientAddress } from "@/lib/server/auth/sign-in-limits";
import { parse } from "@/lib/server/http";
import { StatusSubscribe } from "@/lib/schemas/status-page";
import { backTo, formError, formFields, fromPage } from "@/lib/server/status-forms";
import { subscribe } from "@/lib/server/status-subscribers";

/**
 * Follow the status page by email (a confirmation is sent: double opt-in) or by webhook (a public
 * address only). No session: a form post from /status (answered with a redirect back to it) or
 * JSON. Limited per client address.
 */
export async function POST(req: NextRequest): Promise<Response> {
  try {
    const done = await subscribe(parse(StatusSubscribe, await formFields(req)), clientAddress(req.headers));
    return fromPage(req) ? backTo("/status", { subscribed: done.state }) : Response.json(done);
  } catch (err) {
    return formError(req, err, "/status");
  }
}
