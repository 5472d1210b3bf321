import { SeriesQuery } from "@/lib/schemas/availability";
import { allSeries } from "@/lib/server/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

export const GET = apiRoute("viewer", ({ req }) => allSeries(parse(SeriesQuery, searchParamsObject(req))));
