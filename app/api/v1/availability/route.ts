import { AvailabilityListQuery } from "@/lib/schemas/availability";
import { allAvailability } from "@/lib/server/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

export const GET = apiRoute("viewer", ({ req }) => allAvailability(parse(AvailabilityListQuery, searchParamsObject(req))));
