import { RiskListQuery } from "@/lib/schemas/risk";
import { parse, searchParamsObject } from "@/lib/server/http";
import { riskMatrix } from "@/lib/server/risks-read";
import { apiRoute } from "@/lib/server/route";

const MatrixQuery = RiskListQuery.pick({ service: true, assessment: true, treatment: true, status: true, overdue: true, owner: true, q: true });

/** The heat map: counts per cell (all 25) and per level for one assessment, open risks unless `status` says otherwise. */
export const GET = apiRoute("viewer", ({ req }) => riskMatrix(parse(MatrixQuery, searchParamsObject(req))));
