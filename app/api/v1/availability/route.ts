import { AvailabilityListQuery } from "@/lib/schemas/availability";
import { allAvailabilityJson } from "@/lib/server/availability-fleet";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute, serializedJson } from "@/lib/server/route";

// The body arrives serialised: a large fleet is summarised (and serialised) in parts, side by side.
export const GET = apiRoute("viewer", async ({ req }) => serializedJson(await allAvailabilityJson(parse(AvailabilityListQuery, searchParamsObject(req)))));
