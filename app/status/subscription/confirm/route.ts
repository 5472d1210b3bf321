import type { NextRequest } from "next/server";
import { backTo, formError, fromPage } from "@/lib/server/status-forms";
import { confirmSubscriber } from "@/lib/server/status-subscribers";

/** Confirms an email subscription (the button on the page its confirmation link opens). */
export async function POST(req: NextRequest): Promise<Response> {
  try {
    const confirmed = await confirmSubscriber(req.nextUrl.searchParams.get("token") ?? "");
    if (fromPage(req)) return backTo("/status", confirmed ? { subscribed: "confirmed" } : { error: "That link is not valid (any more). Subscribe again below." });
    return Response.json({ done: confirmed });
  } catch (err) {
    return formError(req, err, "/status");
  }
}
