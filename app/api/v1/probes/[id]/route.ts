import { ProbeUpdate } from "@/lib/schemas/probe";
import { parse, readJson } from "@/lib/server/http";
import { deleteProbe, getProbe, updateProbe } from "@/lib/server/probes";
import { apiRoute } from "@/lib/server/route";

type P = { id: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getProbe(params.id));

export const PATCH = apiRoute<P>("editor", async ({ req, params, actor }) => updateProbe(actor, params.id, parse(ProbeUpdate, await readJson(req))));

export const DELETE = apiRoute<P>("editor", ({ params, actor }) => deleteProbe(actor, params.id));
