import { SeriesQuery } from "@/lib/schemas/availability";
import { allSeriesJson } from "@/lib/server/availability-fleet";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute, serializedJson } from "@/lib/server/route";

// The body arrives serialised: a large fleet's series are computed (and serialised) in parts, side by side.
export const GET = apiRoute("viewer", async ({ req }) => serializedJson(await allSeriesJson(parse(SeriesQuery, searchParamsObject(req)))));
