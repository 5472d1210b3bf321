import type { NextRequest } from "next/server";
import { backTo, formError, fromPage } from "@/lib/server/status-forms";
import { unsubscribe } from "@/lib/server/status-subscribers";

/**
 * Ends a subscription. The List-Unsubscribe address of every email: a mail client POSTs
 * `List-Unsubscribe=One-Click` here (RFC 8058) and it is done; the button of the page the
 * email's own link opens (/status/unsubscribe) posts here too.
 */
export async function POST(req: NextRequest): Promise<Response> {
  try {
    const done = await unsubscribe(req.nextUrl.searchParams.get("token") ?? "");
    if (fromPage(req)) return backTo("/status", done ? { subscribed: "unsubscribed" } : { error: "That link is not valid (any more): you are not subscribed with it." });
    return Response.json({ done });
  } catch (err) {
    return formError(req, err, "/status");
  }
}

