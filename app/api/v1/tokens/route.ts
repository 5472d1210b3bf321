import { ApiTokenInput } from "@/lib/schemas/api-token";
import { createApiToken, listApiTokens } from "@/lib/server/api-tokens";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";

export const GET = apiRoute("admin", async () => ({ tokens: await listApiTokens() }));

/** The secret is in this response only; it is stored hashed. */
export const POST = apiRoute("admin", async ({ req, actor }) =>
  created(await createApiToken(actor, parse(ApiTokenInput, await readJson(req)))),
);
