import { StatusPageUpdate } from "@/lib/schemas/status-page";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { getStatusPageSettings, updateStatusPage } from "@/lib/server/status-page";

/** The status page's settings: on or off, its title and its components. */
export const GET = apiRoute("admin", () => getStatusPageSettings());

/** Components replace the list; services by id or slug, stored by id. */
export const PATCH = apiRoute("admin", async ({ req, actor }) => updateStatusPage(actor, parse(StatusPageUpdate, await readJson(req))));
