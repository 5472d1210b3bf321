import { TierInput, TierListQuery } from "@/lib/schemas/tier";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";
import { createTier, listTiers } from "@/lib/server/tiers";

export const GET = apiRoute("viewer", async ({ req }) => {
  const { includeArchived = false } = parse(TierListQuery, searchParamsObject(req));
  return { tiers: await listTiers({ includeArchived }) };
});

export const POST = apiRoute("admin", async ({ req, actor }) =>
  created(await createTier(actor, parse(TierInput, await readJson(req)))),
);
