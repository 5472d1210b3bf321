import { IncidentInput, IncidentListQuery } from "@/lib/schemas/incident";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { listIncidents } from "@/lib/server/incidents-read";
import { createIncident } from "@/lib/server/incidents-write";
import { apiRoute, created } from "@/lib/server/route";

export const GET = apiRoute("viewer", ({ req }) => listIncidents(parse(IncidentListQuery, searchParamsObject(req))));

export const POST = apiRoute("editor", async ({ req, actor }) =>
  created(await createIncident(actor, parse(IncidentInput, await readJson(req)))),
);
