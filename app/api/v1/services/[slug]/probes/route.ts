import { ProbeInput } from "@/lib/schemas/probe";
import { parse, readJson } from "@/lib/server/http";
import { createProbe, listProbes } from "@/lib/server/probes";
import { apiRoute, created } from "@/lib/server/route";

type P = { slug: string };

export const GET = apiRoute<P>("viewer", async ({ params }) => ({ probes: await listProbes(params.slug) }));

export const POST = apiRoute<P>("editor", async ({ req, params, actor }) => created(await createProbe(actor, params.slug, parse(ProbeInput, await readJson(req)))));
