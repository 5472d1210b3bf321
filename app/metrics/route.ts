import type { NextRequest } from "next/server";
import { requireApiActor } from "@/lib/server/auth/current-actor";
import { errorResponse } from "@/lib/server/http";
import { metricsText } from "@/lib/server/metrics";
import { getSettings } from "@/lib/server/settings";

/**
 * Prometheus text exposition: `Authorization: Bearer <token>` (any role), or no token at all when
 * an admin has made the metrics public (settings `metricsPublic`).
 */
export async function GET(req: NextRequest): Promise<Response> {
  try {
    if (!(await getSettings()).metricsPublic) await requireApiActor(req, "viewer");
    const { body, contentType } = await metricsText();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
