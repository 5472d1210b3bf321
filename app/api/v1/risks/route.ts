import { RiskInput, RiskListQuery } from "@/lib/schemas/risk";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { risksCsvResponse } from "@/lib/server/risk-csv";
import { listRisks } from "@/lib/server/risks-read";
import { createRisk } from "@/lib/server/risks-write";
import { apiRoute, created } from "@/lib/server/route";

/** The register; `?format=csv` streams every match (no paging) as one CSV file. */
export const GET = apiRoute("viewer", async ({ req }) => {
  const query = parse(RiskListQuery, searchParamsObject(req));
  if (query.format !== "csv") return listRisks(query);
  const { cursor: _cursor, limit: _limit, format: _format, ...filter } = query;
  return risksCsvResponse(filter);
});

export const POST = apiRoute("editor", async ({ req, actor }) => created(await createRisk(actor, parse(RiskInput, await readJson(req)))));
