import { SloInput, SloListQuery } from "@/lib/schemas/slo";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";
import { createSlo, listSlos } from "@/lib/server/slos";

type P = { slug: string };

/** A service's SLOs (its own, "availability", first); `?archived=true` the archived ones. */
export const GET = apiRoute<P>("viewer", async ({ req, params }) => listSlos(params.slug, parse(SloListQuery, searchParamsObject(req))));

export const POST = apiRoute<P>("editor", async ({ req, params, actor }) => created(await createSlo(actor, params.slug, parse(SloInput, await readJson(req)))));
