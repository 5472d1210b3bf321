import { z } from "zod";
import { BooleanFlag } from "@/lib/schemas/common";
import { parse, searchParamsObject } from "@/lib/server/http";
import { exportOpenSlo, importOpenSlo } from "@/lib/server/openslo";
import { apiRoute } from "@/lib/server/route";

const ImportQuery = z.strictObject({ dryRun: BooleanFlag.default(true) });

/** Every service's SLO as OpenSLO v1 YAML (a Service and an SLO document each). */
export const GET = apiRoute("viewer", async () => new Response(await exportOpenSlo(), { headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": 'attachment; filename="nines-openslo.yaml"' } }));

/**
 * The same documents back (YAML in the body). `?dryRun=true` (the default) lists what would change
 * and every error; `?dryRun=false` applies all of it in one transaction, or nothing (400 naming
 * the documents and fields).
 */
export const POST = apiRoute("editor", async ({ req, actor }) => importOpenSlo(actor, await req.text(), parse(ImportQuery, searchParamsObject(req)).dryRun));
