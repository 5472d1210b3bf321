import { AvailabilityQuery } from "@/lib/schemas/availability";
import { serviceAvailability } from "@/lib/server/availability";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

export const GET = apiRoute<{ slug: string }>("viewer", ({ req, params }) =>
  serviceAvailability(params.slug, parse(AvailabilityQuery, searchParamsObject(req))),
);
