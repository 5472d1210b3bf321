import { z } from "zod";
import { ActionItemDto, ActionItemListDto } from "@/lib/dto/action-items";
import { AuditListDto } from "@/lib/dto/audit";
import { FleetAvailabilityDto, FleetSeriesDto, IncidentLaneDto, ServiceAvailabilityDto, ServiceSeriesDto } from "@/lib/dto/availability";
import { Deleted } from "@/lib/dto/common";
import { ERROR_STATUSES, type ErrorStatus } from "@/lib/dto/errors";
import { IncidentDetailDto, IncidentDto, IncidentImportDto, IncidentListDto, TimelineEventDto } from "@/lib/dto/incidents";
import { AlertmanagerResultDto, IntegrationsDto, PagerDutyResultDto } from "@/lib/dto/integrations";
import { OpenSloPlanDto } from "@/lib/dto/openslo";
import { OpenSloImportQuery } from "./openslo";
import { ProbeDto, ProbeListDto, ProbeRunListDto, ReconcileDto } from "@/lib/dto/probes";
import { ReviewDto, ReviewListDto } from "@/lib/dto/reviews";
import { SloAvailabilityDto, SloAvailabilityListDto, SloDto, SloListDto, SloReconcileDto, SloSeriesDto } from "@/lib/dto/slos";
import { DatasourceDto, DatasourceListDto } from "@/lib/dto/datasources";
import { DatasourceInput, DatasourceUpdate } from "./datasource";
import { NOTIFICATION_ROUTES } from "./routes-notifications";
import { BUDGET_POLICY_ROUTES } from "./routes-budget-policy";
import { REPORT_ROUTES } from "./routes-reports";
import { SIGN_IN_ROUTES } from "./routes-sign-in";
import { CHANGE_ROUTES } from "./routes-changes";
import { created, ok, type Reply } from "./route-replies";
import { SloFiguresQuery, SloInput, SloListQuery, SloUpdate } from "./slo";
import { RiskIncidentLinkDto } from "@/lib/dto/risk-links";
import { RiskDeletedDto, RiskDetailDto, RiskDto, RiskListDto, RiskMatrixDto } from "@/lib/dto/risks";
import { ServiceDto, ServiceListDto } from "@/lib/dto/services";
import { SettingsDto } from "@/lib/dto/settings";
import { HealthDto, NotReadyDto, OpenApiDocumentDto, ReadyDto } from "@/lib/dto/system";
import { TierDto, TierListDto } from "@/lib/dto/tiers";
import { ApiTokenCreatedDto, ApiTokenDto, ApiTokenListDto } from "@/lib/dto/tokens";
import { MeDto, UserDto, UserListDto } from "@/lib/dto/users";
import { ActionItemInput, ActionItemListQuery, ActionItemUpdate } from "./action-item";
import { AlertmanagerOptions, AlertmanagerPayload } from "./alertmanager";
import { ApiTokenInput } from "./api-token";
import { AuditQuery } from "./audit";
import { AvailabilityListQuery, AvailabilityQuery, SeriesQuery } from "./availability";
import { IncidentImportQuery, IncidentInput, IncidentListQuery, IncidentUpdate, TimelineEventInput } from "./incident";
import { IntegrationsUpdate } from "./integrations";
import { PagerDutyEvent } from "./pagerduty";
import { ProbeInput, ProbeRunsQuery, ProbeUpdate } from "./probe";
import { ReviewClose, ReviewListQuery, ReviewQuery, ReviewStart, ReviewUpdate } from "./review";
import { RiskInput, RiskListQuery, RiskReviewInput, RiskUpdate } from "./risk";
import { ServiceInput, ServiceListQuery, ServiceUpdate } from "./service";
import { SettingsUpdate } from "./settings";
import { TierInput, TierListQuery, TierUpdate } from "./tier";
import { SetupInput, UserInput, UserUpdate } from "./user";

// The route table: every route the API serves, with the zod schemas its handler parses (query,
// body) and those of every response it gives (status → JSON schema and/or text media types). The
// OpenAPI document (openapi.ts) is made from it, a unit test checks that every route file's
// methods are listed here, and the integration tests check every response they receive against
// it (tests/support/api.ts), so the table, the document and the code cannot tell different stories.

export type Role = "public" | "viewer" | "editor" | "admin" | "signature";
export type Method = "get" | "post" | "put" | "patch" | "delete";
export type { Reply } from "./route-replies";
export type RouteDoc = {
  method: Method;
  path: string;
  summary: string;
  role: Role;
  query?: z.ZodObject;
  /** A JSON request body. */
  body?: z.ZodType;
  /** A request body that is not JSON: its media type (CSV, YAML). */
  requestText?: string;
  responses: Partial<Record<200 | 201, Reply>>;
  /** Error statuses beyond those the route's shape implies (see errorStatuses). */
  errors?: ErrorStatus[];
  /** Error statuses answered with a body of the route's own (readiness's 503). */
  ownErrors?: Partial<Record<ErrorStatus, z.ZodType>>;
};

const CSV = "text/csv";

const MatrixQuery = RiskListQuery.pick({ service: true, assessment: true, treatment: true, status: true, overdue: true, owner: true, q: true });

export const ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/health", summary: "The process is up", role: "public", responses: ok(HealthDto) },
  { method: "get", path: "/api/ready", summary: "The database answers and its migrations are applied (503 otherwise)", role: "public", responses: ok(ReadyDto), ownErrors: { 503: NotReadyDto } },
  { method: "post", path: "/api/setup", summary: "Create the first admin (only while there is none)", role: "public", body: SetupInput, responses: created(UserDto) },
  { method: "get", path: "/metrics", summary: "Prometheus text exposition of every service's figures", role: "viewer", responses: { 200: { text: ["text/plain; version=0.0.4"] } } },
  { method: "get", path: "/api/v1/me", summary: "Who is asking, and their role", role: "viewer", responses: ok(MeDto) },
  { method: "get", path: "/api/v1/settings", summary: "The organisation's settings", role: "viewer", responses: ok(SettingsDto) },
  { method: "patch", path: "/api/v1/settings", summary: "Change the organisation's settings", role: "admin", body: SettingsUpdate, responses: ok(SettingsDto) },
  { method: "get", path: "/api/v1/tiers", summary: "Tiers", role: "viewer", query: TierListQuery, responses: ok(TierListDto) },
  { method: "post", path: "/api/v1/tiers", summary: "Create a tier", role: "admin", body: TierInput, responses: created(TierDto) },
  { method: "get", path: "/api/v1/tiers/{id}", summary: "One tier", role: "viewer", responses: ok(TierDto) },
  { method: "patch", path: "/api/v1/tiers/{id}", summary: "Change a tier", role: "admin", body: TierUpdate, responses: ok(TierDto) },
  { method: "delete", path: "/api/v1/tiers/{id}", summary: "Archive a tier", role: "admin", responses: ok(TierDto) },
  { method: "get", path: "/api/v1/services", summary: "Services (`format=csv` exports them)", role: "viewer", query: ServiceListQuery, responses: { 200: { json: ServiceListDto, text: [CSV] } } },
  { method: "post", path: "/api/v1/services", summary: "Create a service", role: "editor", body: ServiceInput, responses: created(ServiceDto) },
  { method: "get", path: "/api/v1/services/{slug}", summary: "One service", role: "viewer", responses: ok(ServiceDto) },
  { method: "patch", path: "/api/v1/services/{slug}", summary: "Change a service", role: "editor", body: ServiceUpdate, responses: ok(ServiceDto) },
  { method: "delete", path: "/api/v1/services/{slug}", summary: "Archive a service", role: "editor", responses: ok(ServiceDto) },
  { method: "get", path: "/api/v1/services/{slug}/availability", summary: "A service's availability, error budget, burn rates, attribution and MTTx", role: "viewer", query: AvailabilityQuery, responses: ok(ServiceAvailabilityDto) },
  { method: "get", path: "/api/v1/services/{slug}/availability/series", summary: "A service's availability per bucket", role: "viewer", query: SeriesQuery, responses: ok(ServiceSeriesDto) },
  { method: "get", path: "/api/v1/services/{slug}/availability/incidents", summary: "The incidents beneath a service's trend", role: "viewer", query: SeriesQuery, responses: ok(IncidentLaneDto) },
  { method: "get", path: "/api/v1/services/{slug}/probes", summary: "A service's probes", role: "viewer", responses: ok(ProbeListDto) },
  { method: "post", path: "/api/v1/services/{slug}/probes", summary: "Add a probe", role: "editor", body: ProbeInput, responses: created(ProbeDto) },
  { method: "get", path: "/api/v1/services/{slug}/slos", summary: "A service's SLOs: its own (`availability`, from the incident record) first, then the rest oldest first; `archived=true` the archived ones", role: "viewer", query: SloListQuery, responses: ok(SloListDto) },
  { method: "post", path: "/api/v1/services/{slug}/slos", summary: "Add an SLO: from the incident record, or from one of the service's probes (success, or latency under `thresholdMs`), counted as occurrences or time slices", role: "editor", body: SloInput, responses: created(SloDto) },
  { method: "get", path: "/api/v1/services/{slug}/reconcile", summary: "The probes' downtime beside the incident record's, and where they disagree", role: "viewer", query: AvailabilityQuery, responses: ok(ReconcileDto) },
  { method: "get", path: "/api/v1/availability", summary: "Every service's availability in one request", role: "viewer", query: AvailabilityListQuery, responses: ok(FleetAvailabilityDto) },
  { method: "get", path: "/api/v1/availability/series", summary: "Every service's series in one request", role: "viewer", query: SeriesQuery, responses: ok(FleetSeriesDto) },
  { method: "get", path: "/api/v1/incidents", summary: "Incidents (`format=csv` exports every match)", role: "viewer", query: IncidentListQuery, responses: { 200: { json: IncidentListDto, text: [CSV] } } },
  { method: "post", path: "/api/v1/incidents", summary: "Declare an incident", role: "editor", body: IncidentInput, responses: created(IncidentDto) },
  { method: "get", path: "/api/v1/incidents/{id}", summary: "One incident (id or INC-42) with its timeline, costs and action items", role: "viewer", responses: ok(IncidentDetailDto) },
  { method: "patch", path: "/api/v1/incidents/{id}", summary: "Change an incident: fields, milestones, impacts and incident roles (`roles`), each change on its timeline", role: "editor", body: IncidentUpdate, responses: ok(IncidentDto) },
  { method: "delete", path: "/api/v1/incidents/{id}", summary: "Delete an incident", role: "editor", responses: ok(Deleted) },
  { method: "post", path: "/api/v1/incidents/import", summary: "Import incidents from CSV (`dryRun=true`, the default, lists each row's errors; `false` writes all or none; `moveMeasuredSince=true` moves a service's measuredSince back to the earliest row's day)", role: "editor", query: IncidentImportQuery, requestText: CSV, responses: ok(IncidentImportDto) },
  { method: "post", path: "/api/v1/incidents/{id}/events", summary: "Add a timeline entry (`public: true` for an update readers outside the team may see)", role: "editor", body: TimelineEventInput, responses: created(TimelineEventDto) },
  { method: "get", path: "/api/v1/action-items", summary: "Action items", role: "viewer", query: ActionItemListQuery, responses: ok(ActionItemListDto) },
  { method: "post", path: "/api/v1/action-items", summary: "Create an action item", role: "editor", body: ActionItemInput, responses: created(ActionItemDto) },
  { method: "get", path: "/api/v1/action-items/{id}", summary: "One action item", role: "viewer", responses: ok(ActionItemDto) },
  { method: "patch", path: "/api/v1/action-items/{id}", summary: "Change an action item", role: "editor", body: ActionItemUpdate, responses: ok(ActionItemDto) },
  { method: "delete", path: "/api/v1/action-items/{id}", summary: "Delete an action item", role: "editor", responses: ok(Deleted) },
  { method: "get", path: "/api/v1/risks", summary: "The risk register (`format=csv` exports every match)", role: "viewer", query: RiskListQuery, responses: { 200: { json: RiskListDto, text: [CSV] } } },
  { method: "post", path: "/api/v1/risks", summary: "Create a risk", role: "editor", body: RiskInput, responses: created(RiskDto) },
  { method: "get", path: "/api/v1/risks/matrix", summary: "The heat map: counts per cell and level", role: "viewer", query: MatrixQuery, responses: ok(RiskMatrixDto) },
  { method: "get", path: "/api/v1/risks/{id}", summary: "One risk (id or RISK-12) with its incidents, action items, reviews and calibration", role: "viewer", responses: ok(RiskDetailDto) },
  { method: "patch", path: "/api/v1/risks/{id}", summary: "Change a risk", role: "editor", body: RiskUpdate, responses: ok(RiskDto) },
  { method: "delete", path: "/api/v1/risks/{id}", summary: "Delete a risk", role: "editor", responses: ok(RiskDeletedDto) },
  { method: "post", path: "/api/v1/risks/{id}/review", summary: "Mark a risk reviewed now", role: "editor", body: RiskReviewInput, responses: ok(RiskDto) },
  { method: "put", path: "/api/v1/risks/{id}/incidents/{incidentId}", summary: "Record that an incident realised the risk", role: "editor", responses: ok(RiskIncidentLinkDto) },
  { method: "delete", path: "/api/v1/risks/{id}/incidents/{incidentId}", summary: "Remove that link", role: "editor", responses: ok(RiskIncidentLinkDto) },
  { method: "get", path: "/api/v1/reviews", summary: "The latest weeks and every week with a review, newest first, a page at a time", role: "viewer", query: ReviewListQuery, responses: ok(ReviewListDto) },
  { method: "post", path: "/api/v1/reviews", summary: "Start a week's review (201; 200 with the one already started)", role: "editor", body: ReviewStart, responses: { 201: { json: ReviewDto }, 200: { json: ReviewDto } } },
  { method: "get", path: "/api/v1/reviews/{week}", summary: "A week's review (`format=markdown` or `csv` to export)", role: "viewer", query: ReviewQuery, responses: { 200: { json: ReviewDto, text: ["text/markdown", CSV] } } },
  { method: "patch", path: "/api/v1/reviews/{week}", summary: "Notes and attendees", role: "editor", body: ReviewUpdate, responses: ok(ReviewDto) },
  { method: "post", path: "/api/v1/reviews/{week}/close", summary: "Close the review, freezing its figures", role: "editor", body: ReviewClose, responses: ok(ReviewDto) },
  { method: "post", path: "/api/v1/reviews/{week}/reopen", summary: "Reopen a closed review", role: "admin", responses: ok(ReviewDto), errors: [400] },
  { method: "get", path: "/api/v1/datasources", summary: "The Prometheus servers SLOs read from: names, URLs and state (never a credential)", role: "viewer", responses: ok(DatasourceListDto) },
  { method: "post", path: "/api/v1/datasources", summary: "Register a Prometheus server (credentials stored sealed, never shown again); it is asked at once and its state says whether it answered", role: "admin", body: DatasourceInput, responses: created(DatasourceDto) },
  { method: "get", path: "/api/v1/datasources/{id}", summary: "One datasource", role: "viewer", responses: ok(DatasourceDto) },
  { method: "patch", path: "/api/v1/datasources/{id}", summary: "Change a datasource (`bearerToken`/`basicAuth`: replace; null: remove; absent: keep)", role: "admin", body: DatasourceUpdate, responses: ok(DatasourceDto) },
  { method: "delete", path: "/api/v1/datasources/{id}", summary: "Remove a datasource no SLO reads from (409 while one does)", role: "admin", responses: ok(Deleted) },
  { method: "get", path: "/api/v1/slos/availability", summary: "Every SLO of every service in use (or of `service`) with its figures over a window (default each SLO's own), in one request: what /slos/{id}/availability gives, an incident record SLO listing its `incidents` largest incidents (404: no service `service`)", role: "viewer", query: SloFiguresQuery, responses: ok(SloAvailabilityListDto), errors: [404] },
  { method: "get", path: "/api/v1/slos/prometheus-rules", summary: "Every active Prometheus-measured SLO's multi-window, multi-burn-rate alerts (page: 14.4× over 1 h and 5 min, 6× over 6 h and 30 min; ticket: 3× over 1 d and 2 h, 1× over 3 d and 6 h) as one Prometheus rule file", role: "viewer", responses: { 200: { text: ["application/yaml"] } } },
  { method: "get", path: "/api/v1/slos/{id}/prometheus-rules", summary: "One SLO's alerts as a Prometheus rule file (409 for an SLO Prometheus does not measure)", role: "viewer", responses: { 200: { text: ["application/yaml"] } }, errors: [409] },
  { method: "get", path: "/api/v1/slos/{id}", summary: "One SLO", role: "viewer", responses: ok(SloDto) },
  { method: "patch", path: "/api/v1/slos/{id}", summary: "Change an SLO (not its SLI: a different measure is a new SLO); the service's own SLO keeps its name", role: "editor", body: SloUpdate, responses: ok(SloDto) },
  { method: "delete", path: "/api/v1/slos/{id}", summary: "Archive an SLO (the service's own is archived with its service)", role: "editor", responses: ok(SloDto) },
  { method: "get", path: "/api/v1/slos/{id}/availability", summary: "One SLO over a window (default its own) in its own unit: the SLI, good and total, unknown time, budget, burn rates; an SLO from the incident record also carries the engine's figures", role: "viewer", query: AvailabilityQuery, responses: ok(SloAvailabilityDto) },
  { method: "get", path: "/api/v1/slos/{id}/series", summary: "One SLO per day, week or month in its own unit: the SLI, good and total, unknown time, whether it met its target", role: "viewer", query: SeriesQuery, responses: ok(SloSeriesDto) },
  { method: "get", path: "/api/v1/slos/{id}/reconcile", summary: "Logged against measured: a probe or Prometheus SLO beside the incident record over the service's window, with the time the SLI saw bad that no incident covers, and incident time it saw good (409 for an SLO from the incident record)", role: "viewer", query: AvailabilityQuery, responses: ok(SloReconcileDto), errors: [409] },
  { method: "get", path: "/api/v1/probes/{id}", summary: "One probe", role: "viewer", responses: ok(ProbeDto) },
  { method: "patch", path: "/api/v1/probes/{id}", summary: "Change a probe", role: "editor", body: ProbeUpdate, responses: ok(ProbeDto) },
  { method: "delete", path: "/api/v1/probes/{id}", summary: "Delete a probe and its runs", role: "editor", responses: ok(Deleted) },
  { method: "get", path: "/api/v1/probes/{id}/runs", summary: "A probe's runs, newest first", role: "viewer", query: ProbeRunsQuery, responses: ok(ProbeRunListDto) },
  { method: "get", path: "/api/v1/openslo", summary: "Every active SLO as OpenSLO v1 YAML (per service a Service; per SLO its SLI and the SLO)", role: "viewer", responses: { 200: { text: ["application/yaml"] } } },
  { method: "post", path: "/api/v1/openslo", summary: "Import OpenSLO v1 YAML (`dryRun=true`, the default, lists the changes; `false` applies all or none; `createServices=true` creates the services it names, in the tier their SLO's `nines.dev/tier` annotation or `tier` names)", role: "editor", query: OpenSloImportQuery, requestText: "application/yaml", responses: ok(OpenSloPlanDto) },
  { method: "get", path: "/api/v1/integrations", summary: "Integration settings, without secrets", role: "admin", responses: ok(IntegrationsDto) },
  { method: "patch", path: "/api/v1/integrations", summary: "Change integration settings", role: "admin", body: IntegrationsUpdate, responses: ok(IntegrationsDto) },
  { method: "post", path: "/api/v1/integrations/alertmanager", summary: "Alertmanager's webhook (payload version 4)", role: "editor", query: AlertmanagerOptions, body: AlertmanagerPayload, responses: ok(AlertmanagerResultDto) },
  { method: "post", path: "/api/v1/integrations/pagerduty", summary: "PagerDuty's v3 webhook, authenticated by X-PagerDuty-Signature", role: "signature", body: PagerDutyEvent, responses: ok(PagerDutyResultDto) },
  { method: "get", path: "/api/v1/audit", summary: "The audit trail", role: "admin", query: AuditQuery, responses: ok(AuditListDto) },
  { method: "get", path: "/api/v1/users", summary: "Users", role: "admin", responses: ok(UserListDto) },
  { method: "post", path: "/api/v1/users", summary: "Create a user", role: "admin", body: UserInput, responses: created(UserDto) },
  { method: "patch", path: "/api/v1/users/{id}", summary: "Change a user (role, password, disabled)", role: "admin", body: UserUpdate, responses: ok(UserDto) },
  { method: "get", path: "/api/v1/tokens", summary: "API tokens", role: "admin", responses: ok(ApiTokenListDto) },
  { method: "post", path: "/api/v1/tokens", summary: "Create a token (its secret is shown once)", role: "admin", body: ApiTokenInput, responses: created(ApiTokenCreatedDto) },
  { method: "delete", path: "/api/v1/tokens/{id}", summary: "Revoke a token", role: "admin", responses: ok(ApiTokenDto) },
  { method: "get", path: "/api/v1/openapi.json", summary: "This document", role: "public", responses: ok(OpenApiDocumentDto) },
  ...NOTIFICATION_ROUTES,
  ...BUDGET_POLICY_ROUTES,
  ...REPORT_ROUTES,
  ...SIGN_IN_ROUTES,
  ...CHANGE_ROUTES,
];

/** Routes that touch no database, and so never answer 503. */
const NO_DATABASE = new Set(["get /api/health", "get /api/v1/openapi.json"]);

/**
 * The error statuses a route can answer, from its shape: 400 when it reads a query or a body,
 * 401/403 when it needs a role (a public write is still refused cross-site), 404 when its path
 * names something, 409 for every write, 415 for a JSON body, 503 when it reads the database,
 * 500 always; plus the route's own `errors`.
 */
export function errorStatuses(route: RouteDoc): ErrorStatus[] {
  const write = route.method !== "get";
  const statuses = new Set<ErrorStatus>([500, ...(route.errors ?? [])]);
  if (route.query || route.body || route.requestText) statuses.add(400);
  if (route.role !== "public") statuses.add(401);
  if (route.role === "viewer" || route.role === "editor" || route.role === "admin" || (route.role === "public" && write)) statuses.add(403);
  if (route.path.includes("{")) statuses.add(404);
  if (write) statuses.add(409);
  if (route.body) statuses.add(415);
  if (!NO_DATABASE.has(`${route.method} ${route.path}`)) statuses.add(503);
  return ERROR_STATUSES.filter((s) => statuses.has(s));
}

export function routeDoc(method: string, path: string): RouteDoc | undefined {
  return ROUTES.find((r) => r.method === method.toLowerCase() && r.path === path);
}
