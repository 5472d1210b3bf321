import { SeriesQuery } from "@/lib/schemas/availability";
import { changeLane } from "@/lib/server/change-lane";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

// The changes and freezes beside a service's trend: the same query as its series, the same range.
export const GET = apiRoute<{ slug: string }>("viewer", ({ req, params }) => changeLane(params.slug, parse(SeriesQuery, searchParamsObject(req))));
