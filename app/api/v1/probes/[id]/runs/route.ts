import { ProbeRunsQuery } from "@/lib/schemas/probe";
import { parse, searchParamsObject } from "@/lib/server/http";
import { listRuns } from "@/lib/server/probes";
import { apiRoute } from "@/lib/server/route";

/** The probe's runs, newest first: status, latency, whether the text matched; never the body. */
export const GET = apiRoute<{ id: string }>("viewer", ({ req, params }) => listRuns(params.id, parse(ProbeRunsQuery, searchParamsObject(req))));
