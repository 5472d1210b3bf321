import { IncidentInput, IncidentListQuery } from "@/lib/schemas/incident";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { incidentsCsv } from "@/lib/server/incident-csv";
import { listIncidents } from "@/lib/server/incidents-read";
import { createIncident } from "@/lib/server/incidents-write";
import { apiRoute, created } from "@/lib/server/route";

/** Incidents, cursor-paged; `?format=csv` exports every match with its impacts. */
export const GET = apiRoute("viewer", async ({ req }) => {
  const q = parse(IncidentListQuery, searchParamsObject(req));
  if (q.format !== "csv") return listIncidents(q);
  return new Response(await incidentsCsv({ ...q, cursor: undefined }), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="nines-incidents.csv"' } });
});

export const POST = apiRoute("editor", async ({ req, actor }) =>
  created(await createIncident(actor, parse(IncidentInput, await readJson(req)))),
);
