import { AlertmanagerOptions, AlertmanagerPayload } from "@/lib/schemas/alertmanager";
import { receiveAlertmanager } from "@/lib/server/alertmanager";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

/**
 * Alertmanager's webhook (payload version 4), with an API token of role editor as the receiver's
 * `authorization` credentials. `?serviceLabel=` and `?severityLabel=` name the labels to read
 * (default `service` and `severity`). A firing group opens an incident or joins the group's
 * ongoing one; resolved alerts end their services' impacts and, once all have, the incident.
 */
export const POST = apiRoute("editor", async ({ req, actor }) => {
  const options = parse(AlertmanagerOptions, searchParamsObject(req));
  return receiveAlertmanager(actor, parse(AlertmanagerPayload, await readJson(req)), options);
});
