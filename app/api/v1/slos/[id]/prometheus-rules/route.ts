import { apiRoute } from "@/lib/server/route";
import { sloRules } from "@/lib/server/slo-rules";

const yaml = (text: string, name: string) => new Response(text, { headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });

/** This SLO's multi-window, multi-burn-rate alerts as a Prometheus rule file (409 for an SLO Prometheus does not measure). */
export const GET = apiRoute<{ id: string }>("viewer", async ({ params }) => yaml(await sloRules(params.id), `nines-slo-${params.id}.rules.yml`));
