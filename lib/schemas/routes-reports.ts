import { ReportDto, ReportUnpublishedDto } from "@/lib/dto/reports";
import { ReportQuery, ReportScopeQuery } from "./report";
import { ok } from "./route-replies";
import type { RouteDoc } from "./routes";

// The period reports' routes of the route table (routes.ts). `{period}` is `month:2026-11`,
// `quarter:2026-Q4` or `year:2026`, cut in the organisation's zone; a bad one is a 400 naming `period`.

export const REPORT_ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/v1/reports/{period}", summary: "A month's, quarter's or year's report for the organisation, a tier (`tier`: rank or id) or a service (`service`: slug): each SLO against its target with the budget spent, incidents and their cost, MTTx per week or month, freezes, risks realised, action items closed; the published snapshot once published. `format=markdown`, `csv` or `pdf` to export", role: "viewer", query: ReportQuery, responses: { 200: { json: ReportDto, text: ["text/markdown", "text/csv", "application/pdf"] } } },
  { method: "post", path: "/api/v1/reports/{period}/publish", summary: "Publish an ended period's report, freezing its figures as of now (409: the period has not ended, or it is already published)", role: "editor", query: ReportScopeQuery, responses: ok(ReportDto) },
  { method: "post", path: "/api/v1/reports/{period}/unpublish", summary: "Withdraw a published report (audited): its figures are live again", role: "admin", query: ReportScopeQuery, responses: ok(ReportUnpublishedDto) },
];
