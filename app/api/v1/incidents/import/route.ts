import { IncidentImportQuery } from "@/lib/schemas/incident";
import { parse, searchParamsObject } from "@/lib/server/http";
import { importIncidentsCsv } from "@/lib/server/incident-csv";
import { apiRoute } from "@/lib/server/route";

/**
 * Incidents from CSV (the export's columns; services as "checkout;payments:0.4"). `?dryRun=true`
 * (the default) lists each row's errors by line and column; `?dryRun=false` writes every row in
 * one transaction, or none (400 naming the lines and columns). A row that starts before a service's
 * measuredSince is such an error unless `?moveMeasuredSince=true`, which moves it back to that day.
 */
export const POST = apiRoute("editor", async ({ req, actor }) => {
  const query = parse(IncidentImportQuery, searchParamsObject(req));
  return importIncidentsCsv(actor, await req.text(), query.dryRun, query.moveMeasuredSince);
});
