import { AvailabilityQuery } from "@/lib/schemas/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { reconcileService } from "@/lib/server/reconcile";
import { apiRoute } from "@/lib/server/route";

/** `?window=…&asOf=…` as the availability API (default: the service's SLO window). */
export const GET = apiRoute<{ slug: string }>("viewer", ({ req, params }) => reconcileService(params.slug, parse(AvailabilityQuery, searchParamsObject(req))));
