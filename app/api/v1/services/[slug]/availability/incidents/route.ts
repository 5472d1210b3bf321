import { SeriesQuery } from "@/lib/schemas/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { incidentLane } from "@/lib/server/incident-lane";
import { apiRoute } from "@/lib/server/route";

// The incidents beneath a service's trend: the same query as its series, the same range.
export const GET = apiRoute<{ slug: string }>("viewer", ({ req, params }) =>
  incidentLane(params.slug, parse(SeriesQuery, searchParamsObject(req))),
);
