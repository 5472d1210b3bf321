import { ChangeDto, ChangeLaneDto, ChangeListDto, IncidentChangesDto } from "@/lib/dto/changes";
import { ChangeInput, ChangeListQuery } from "./change";
import { SeriesQuery } from "./availability";
import { created, ok } from "./route-replies";
import type { RouteDoc } from "./routes";

// The changes routes of the route table (routes.ts): what pipelines record beside incidents, and
// where Nines shows it (a service's trend, with its freezes; an incident's last two hours before).

export const CHANGE_ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/v1/changes", summary: "Recorded changes (deploys, config changes, flag flips), newest first; `from`/`to` bound their instant, both included; an unknown `service` is a 400", role: "viewer", query: ChangeListQuery, responses: ok(ChangeListDto) },
  { method: "post", path: "/api/v1/changes", summary: "Record a change from a pipeline: `service` (slug), `kind` deploy|config|flag, `summary`, optional `at` (default now), `url`, `release`. A service Nines does not know is a 404", role: "editor", body: ChangeInput, responses: created(ChangeDto), errors: [404] },
  { method: "get", path: "/api/v1/services/{slug}/availability/changes", summary: "The changes and error-budget freezes beside a service's trend (the same query as its series)", role: "viewer", query: SeriesQuery, responses: ok(ChangeLaneDto) },
  { method: "get", path: "/api/v1/incidents/{id}/changes", summary: "The changes to the services an incident hit in the two hours before it started", role: "viewer", responses: ok(IncidentChangesDto) },
];
