import { ReportScopeQuery } from "@/lib/schemas/report";
import { parse, searchParamsObject } from "@/lib/server/http";
import { publishReport } from "@/lib/server/reports";
import { apiRoute } from "@/lib/server/route";

/** Freezes every figure of an ended period's report as of now (409: not ended, or already published). */
export const POST = apiRoute<{ period: string }>("editor", async ({ req, params, actor }) => publishReport(actor, params.period, parse(ReportScopeQuery, searchParamsObject(req))));
