import { IntegrationsUpdate } from "@/lib/schemas/integrations";
import { parse, readJson } from "@/lib/server/http";
import { getIntegrations, updateIntegrations } from "@/lib/server/integrations";
import { apiRoute } from "@/lib/server/route";

/** The integrations' settings, without their secrets (admin). */
export const GET = apiRoute("admin", () => getIntegrations());

/** Alertmanager's label names; PagerDuty's signing secret (write-only) and service map. */
export const PATCH = apiRoute("admin", async ({ req, actor }) => updateIntegrations(actor, parse(IntegrationsUpdate, await readJson(req))));
