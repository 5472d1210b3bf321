import { RiskInput, RiskListQuery } from "@/lib/schemas/risk";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { risksCsv } from "@/lib/server/risk-csv";
import { listRisks } from "@/lib/server/risks-read";
import { createRisk } from "@/lib/server/risks-write";
import { apiRoute, created } from "@/lib/server/route";

/** The register; `?format=csv` exports every match (no paging) as one CSV file. */
export const GET = apiRoute("viewer", async ({ req }) => {
  const query = parse(RiskListQuery, searchParamsObject(req));
  if (query.format !== "csv") return listRisks(query);
  const { risks } = await listRisks({ ...query, cursor: undefined }, null);
  return new Response(risksCsv(risks), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="nines-risks.csv"' },
  });
});

export const POST = apiRoute("editor", async ({ req, actor }) => created(await createRisk(actor, parse(RiskInput, await readJson(req)))));
