import { SeriesQuery } from "@/lib/schemas/availability";
import { serviceSeries } from "@/lib/server/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

export const GET = apiRoute<{ slug: string }>("viewer", ({ req, params }) =>
  serviceSeries(params.slug, parse(SeriesQuery, searchParamsObject(req))),
);
