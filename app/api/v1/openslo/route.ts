import { OpenSloImportQuery } from "@/lib/schemas/openslo";
import { parse, searchParamsObject } from "@/lib/server/http";
import { exportOpenSlo, importOpenSlo } from "@/lib/server/openslo";
import { apiRoute } from "@/lib/server/route";

/** Every service's SLO as OpenSLO v1 YAML (a Service, an SLI and an SLO document each). */
export const GET = apiRoute("viewer", async () => new Response(await exportOpenSlo(), { headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": 'attachment; filename="nines-openslo.yaml"' } }));

/**
 * The same documents back (YAML in the body). `?dryRun=true` (the default) lists what would change
 * and every error; `?dryRun=false` applies all of it in one transaction, or nothing (400 naming
 * the documents and fields).
 */
export const POST = apiRoute("editor", async ({ req, actor }) => importOpenSlo(actor, await req.text(), parse(OpenSloImportQuery, searchParamsObject(req))));
