import { TierUpdate } from "@/lib/schemas/tier";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { archiveTier, getTier, updateTier } from "@/lib/server/tiers";

type P = { id: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getTier(params.id));

export const PATCH = apiRoute<P>("admin", async ({ req, params, actor }) =>
  updateTier(actor, params.id, parse(TierUpdate, await readJson(req))),
);

export const DELETE = apiRoute<P>("admin", ({ params, actor }) => archiveTier(actor, params.id));
