import { IncidentUpdate } from "@/lib/schemas/incident";
import { parse, readJson } from "@/lib/server/http";
import { getIncident } from "@/lib/server/incidents-read";
import { deleteIncident, updateIncident } from "@/lib/server/incidents-write";
import { apiRoute } from "@/lib/server/route";

type P = { id: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getIncident(params.id));

export const PATCH = apiRoute<P>("editor", async ({ req, params, actor }) =>
  updateIncident(actor, params.id, parse(IncidentUpdate, await readJson(req))),
);

export const DELETE = apiRoute<P>("editor", ({ params, actor }) => deleteIncident(actor, params.id));
