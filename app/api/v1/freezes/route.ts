import { FreezeListQuery } from "@/lib/schemas/budget-policy";
import { listFreezes } from "@/lib/server/freezes";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

export const GET = apiRoute("viewer", async ({ req }) => {
  const q = parse(FreezeListQuery, searchParamsObject(req));
  return listFreezes({ serviceSlug: q.service, from: q.from, to: q.to });
});
