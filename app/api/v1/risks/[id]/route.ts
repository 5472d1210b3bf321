import { RiskUpdate } from "@/lib/schemas/risk";
import { parse, readJson } from "@/lib/server/http";
import { getRiskDetail } from "@/lib/server/risk-detail";
import { deleteRisk, updateRisk } from "@/lib/server/risks-write";
import { apiRoute } from "@/lib/server/route";

type P = { id: string };

/** By id or reference (RISK-12). */
export const GET = apiRoute<P>("viewer", ({ params }) => getRiskDetail(params.id));

export const PATCH = apiRoute<P>("editor", async ({ req, params, actor }) => updateRisk(actor, params.id, parse(RiskUpdate, await readJson(req))));

export const DELETE = apiRoute<P>("editor", ({ params, actor }) => deleteRisk(actor, params.id));
