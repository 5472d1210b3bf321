import { SloUpdate } from "@/lib/schemas/slo";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { archiveSlo, getSlo, updateSlo } from "@/lib/server/slos";

type P = { id: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getSlo(params.id));

export const PATCH = apiRoute<P>("editor", async ({ req, params, actor }) => updateSlo(actor, params.id, parse(SloUpdate, await readJson(req))));

/** Archives (its history stays readable); the service's own SLO is archived with its service. */
export const DELETE = apiRoute<P>("editor", ({ params, actor }) => archiveSlo(actor, params.id));
