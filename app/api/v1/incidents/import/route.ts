import { z } from "zod";
import { BooleanFlag } from "@/lib/schemas/common";
import { parse, searchParamsObject } from "@/lib/server/http";
import { importIncidentsCsv } from "@/lib/server/incident-csv";
import { apiRoute } from "@/lib/server/route";

const ImportQuery = z.strictObject({ dryRun: BooleanFlag.default(true) });

/**
 * Incidents from CSV (the export's columns; services as "checkout;payments:0.4"). `?dryRun=true`
 * (the default) lists each row's errors by line and column; `?dryRun=false` writes every row in
 * one transaction, or none (400 naming the lines and columns).
 */
export const POST = apiRoute("editor", async ({ req, actor }) => importIncidentsCsv(actor, await req.text(), parse(ImportQuery, searchParamsObject(req)).dryRun));
