import { BooleanFlag } from "@/lib/schemas/common";
import { TierInput } from "@/lib/schemas/tier";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";
import { createTier, listTiers } from "@/lib/server/tiers";

export const GET = apiRoute("viewer", async ({ req }) => {
  const archived = new URL(req.url).searchParams.get("includeArchived");
  const includeArchived = archived === null ? false : parse(BooleanFlag, archived);
  return { tiers: await listTiers({ includeArchived }) };
});

export const POST = apiRoute("admin", async ({ req, actor }) =>
  created(await createTier(actor, parse(TierInput, await readJson(req)))),
);
