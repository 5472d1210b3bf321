import { AvailabilityQuery } from "@/lib/schemas/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { sloAvailability } from "@/lib/server/slo-availability";

/** One SLO over `window` (default its own) as of `asOf`, in its own unit. */
export const GET = apiRoute<{ id: string }>("viewer", ({ req, params }) => sloAvailability(params.id, parse(AvailabilityQuery, searchParamsObject(req))));
