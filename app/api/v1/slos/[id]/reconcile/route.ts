import { AvailabilityQuery } from "@/lib/schemas/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { reconcileSlo } from "@/lib/server/slo-reconcile";

/** A measured SLO beside the incident record over the service's window (or `window`): where they disagree. */
export const GET = apiRoute<{ id: string }>("viewer", ({ req, params }) => reconcileSlo(params.id, parse(AvailabilityQuery, searchParamsObject(req))));
