import { IncidentInput, IncidentListQuery } from "@/lib/schemas/incident";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { incidentsCsv } from "@/lib/server/incident-csv";
import { listIncidents } from "@/lib/server/incidents-read";
import { createIncident } from "@/lib/server/incidents-write";
import { apiRoute, created } from "@/lib/server/route";

/** Incidents, cursor-paged, with the `total` that match; `?format=csv` streams every match with its impacts. */
export const GET = apiRoute("viewer", async ({ req }) => {
  const { cursor, limit, format, ...filter } = parse(IncidentListQuery, searchParamsObject(req));
  if (format !== "csv") return listIncidents({ ...filter, ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) });
  return incidentsCsv(filter);
});

export const POST = apiRoute("editor", async ({ req, actor }) =>
  created(await createIncident(actor, parse(IncidentInput, await readJson(req)))),
);
