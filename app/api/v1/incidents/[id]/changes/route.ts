import { changesBeforeIncident } from "@/lib/server/changes";
import { apiRoute } from "@/lib/server/route";

// The changes to the incident's services in the two hours before it started: the usual suspects.
export const GET = apiRoute<{ id: string }>("viewer", ({ params }) => changesBeforeIncident(params.id));
