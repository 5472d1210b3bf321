import { apiRoute } from "@/lib/server/route";
import { allSloRules } from "@/lib/server/slo-rules";

/** Every active Prometheus-measured SLO's alerts, one rule group each, in one rule file. */
export const GET = apiRoute("viewer", async () => new Response(await allSloRules(), { headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": 'attachment; filename="nines-slos.rules.yml"' } }));
