import { RiskReviewInput } from "@/lib/schemas/risk";
import { parse, readJson } from "@/lib/server/http";
import { reviewRisk } from "@/lib/server/risks-write";
import { apiRoute } from "@/lib/server/route";

/** Marks the risk reviewed now (the body's note goes into the audit trail) and sets the next due date. */
export const POST = apiRoute<{ id: string }>("editor", async ({ req, params, actor }) => reviewRisk(actor, params.id, parse(RiskReviewInput, await readJson(req))));
