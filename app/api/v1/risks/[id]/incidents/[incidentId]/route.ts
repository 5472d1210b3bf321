import { linkIncident } from "@/lib/server/risks-write";
import { apiRoute } from "@/lib/server/route";

type P = { id: string; incidentId: string };

/** The incident (id or INC-42) realised the risk. Idempotent. */
export const PUT = apiRoute<P>("editor", ({ params, actor }) => linkIncident(actor, params.id, params.incidentId, true));

export const DELETE = apiRoute<P>("editor", ({ params, actor }) => linkIncident(actor, params.id, params.incidentId, false));
