import { SeriesQuery } from "@/lib/schemas/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { sloSeries } from "@/lib/server/slo-series";

/** One SLO per day, week or month (`bucket`, `count` or `from`/`to`, `asOf`), in its own unit. */
export const GET = apiRoute<{ id: string }>("viewer", ({ req, params }) => sloSeries(params.id, parse(SeriesQuery, searchParamsObject(req))));
