import { SloFiguresQuery } from "@/lib/schemas/slo";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { allSloAvailability } from "@/lib/server/slo-availability";

export const GET = apiRoute("viewer", ({ req }) => allSloAvailability(parse(SloFiguresQuery, searchParamsObject(req))));
