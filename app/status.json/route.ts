import { errorResponse } from "@/lib/server/http";
import { NotFoundError } from "@/lib/server/errors";
import { snapshotJson } from "@/lib/server/status-html";
import { statusSnapshot } from "@/lib/server/status-snapshot";

/**
 * The public status page as JSON, without signing in: components, their state and daily uptime,
 * ongoing incidents and history under their public titles, with public updates only. 404 while
 * the page is off. Served from the snapshot, also while the database does not answer.
 */
export async function GET(): Promise<Response> {
  try {
    const { snapshot, stale } = await statusSnapshot();
    if (!snapshot) throw new NotFoundError("Status page", "status");
    return new Response(snapshotJson(snapshot), { headers: { "content-type": "application/json", "cache-control": "public, max-age=30", ...(stale ? { warning: '110 - "Response is stale: the database does not answer"' } : {}) } });
  } catch (err) {
    return errorResponse(err);
  }
}
