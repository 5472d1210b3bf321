import { reportFileName } from "@/lib/domain/report-period";
import { ReportQuery } from "@/lib/schemas/report";
import { parse, searchParamsObject } from "@/lib/server/http";
import { reportCsv, reportMarkdown } from "@/lib/server/report-export";
import { reportPdf } from "@/lib/server/report-pdf";
import { getReport, reportPeriod } from "@/lib/server/reports";
import { apiRoute } from "@/lib/server/route";

type P = { period: string };

const attachment = (body: BodyInit, type: string, name: string) => new Response(body, { headers: { "content-type": type, "content-disposition": `attachment; filename="${name}"` } });

/** A period's report (`month:2026-11`, `quarter:2026-Q4`, `year:2026`) as JSON, or `?format=markdown|csv|pdf`; `?tier=` or `?service=` for part of the organisation. */
export const GET = apiRoute<P>("viewer", async ({ req, params }) => {
  const { format, ...scope } = parse(ReportQuery, searchParamsObject(req));
  const report = await getReport(params.period, scope);
  const name = (ext: string) => reportFileName(reportPeriod(report.period), report.scope.reference, ext);
  if (format === "markdown") return attachment(reportMarkdown(report), "text/markdown; charset=utf-8", name("md"));
  if (format === "csv") return attachment(reportCsv(report), "text/csv; charset=utf-8", name("csv"));
  if (format === "pdf") return attachment(new Uint8Array(await reportPdf(report)), "application/pdf", name("pdf"));
  return report;
});
