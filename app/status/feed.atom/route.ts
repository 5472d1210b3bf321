import { statusFeed } from "@/lib/server/status-feed";
import { errorResponse } from "@/lib/server/http";
import { NotFoundError } from "@/lib/server/errors";
import { statusSnapshot } from "@/lib/server/status-snapshot";

/** The status page's incidents as an Atom feed (public updates only). 404 while the page is off. */
export async function GET(): Promise<Response> {
  try {
    const { snapshot } = await statusSnapshot();
    if (!snapshot) throw new NotFoundError("Status page", "status");
    return new Response(statusFeed(snapshot), { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=30" } });
  } catch (err) {
    return errorResponse(err);
  }
}
