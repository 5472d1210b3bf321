import { ReportScopeQuery } from "@/lib/schemas/report";
import { parse, searchParamsObject } from "@/lib/server/http";
import { unpublishReport } from "@/lib/server/reports";
import { apiRoute } from "@/lib/server/route";

/** Deletes a published report (audited): its figures are live again. */
export const POST = apiRoute<{ period: string }>("admin", async ({ req, params, actor }) => unpublishReport(actor, params.period, parse(ReportScopeQuery, searchParamsObject(req))));
