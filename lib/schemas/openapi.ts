import { z } from "zod";
import { ActionItemInput, ActionItemListQuery, ActionItemUpdate } from "./action-item";
import { AlertmanagerOptions, AlertmanagerPayload } from "./alertmanager";
import { ApiTokenInput } from "./api-token";
import { BooleanFlag } from "./common";
import { AuditQuery } from "./audit";
import { AvailabilityListQuery, AvailabilityQuery, SeriesQuery } from "./availability";
import { IncidentInput, IncidentListQuery, IncidentUpdate, TimelineEventInput } from "./incident";
import { IntegrationsUpdate } from "./integrations";
import { PagerDutyEvent } from "./pagerduty";
import { ProbeInput, ProbeRunsQuery, ProbeUpdate } from "./probe";
import { ReviewClose, ReviewQuery, ReviewStart, ReviewUpdate } from "./review";
import { RiskInput, RiskListQuery, RiskReviewInput, RiskUpdate } from "./risk";
import { ServiceInput, ServiceListQuery, ServiceUpdate } from "./service";
import { SettingsUpdate } from "./settings";
import { TierInput, TierListQuery, TierUpdate } from "./tier";
import { SetupInput, UserInput, UserUpdate } from "./user";

// The API's routes with the zod schemas their handlers parse, and the OpenAPI 3.1 document made
// from them: every parameter and body schema is zod's own JSON Schema output, never written by
// hand. A test checks that every route file's methods are listed here.

type Role = "public" | "viewer" | "editor" | "admin" | "signature";
type Method = "get" | "post" | "put" | "patch" | "delete";
export type RouteDoc = { method: Method; path: string; summary: string; role: Role; query?: z.ZodObject; body?: z.ZodType; text?: string };

const ImportQuery = z.strictObject({ dryRun: BooleanFlag.default(true) });
const MatrixQuery = RiskListQuery.pick({ service: true, assessment: true, treatment: true, status: true, overdue: true, owner: true, q: true });

export const ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/health", summary: "The process is up", role: "public" },
  { method: "get", path: "/api/ready", summary: "The database answers and its migrations are applied (503 otherwise)", role: "public" },
  { method: "post", path: "/api/setup", summary: "Create the first admin (only while there is none)", role: "public", body: SetupInput },
  { method: "get", path: "/metrics", summary: "Prometheus text exposition of every service's figures", role: "viewer", text: "text/plain; version=0.0.4" },
  { method: "get", path: "/api/v1/me", summary: "Who is asking, and their role", role: "viewer" },
  { method: "get", path: "/api/v1/settings", summary: "The organisation's settings", role: "viewer" },
  { method: "patch", path: "/api/v1/settings", summary: "Change the organisation's settings", role: "admin", body: SettingsUpdate },
  { method: "get", path: "/api/v1/tiers", summary: "Tiers", role: "viewer", query: TierListQuery },
  { method: "post", path: "/api/v1/tiers", summary: "Create a tier", role: "admin", body: TierInput },
  { method: "get", path: "/api/v1/tiers/{id}", summary: "One tier", role: "viewer" },
  { method: "patch", path: "/api/v1/tiers/{id}", summary: "Change a tier", role: "admin", body: TierUpdate },
  { method: "delete", path: "/api/v1/tiers/{id}", summary: "Archive a tier", role: "admin" },
  { method: "get", path: "/api/v1/services", summary: "Services", role: "viewer", query: ServiceListQuery },
  { method: "post", path: "/api/v1/services", summary: "Create a service", role: "editor", body: ServiceInput },
  { method: "get", path: "/api/v1/services/{slug}", summary: "One service", role: "viewer" },
  { method: "patch", path: "/api/v1/services/{slug}", summary: "Change a service", role: "editor", body: ServiceUpdate },
  { method: "delete", path: "/api/v1/services/{slug}", summary: "Archive a service", role: "editor" },
  { method: "get", path: "/api/v1/services/{slug}/availability", summary: "A service's availability, error budget, burn rates, attribution and MTTx", role: "viewer", query: AvailabilityQuery },
  { method: "get", path: "/api/v1/services/{slug}/availability/series", summary: "A service's availability per bucket", role: "viewer", query: SeriesQuery },
  { method: "get", path: "/api/v1/services/{slug}/availability/incidents", summary: "The incidents beneath a service's trend", role: "viewer", query: SeriesQuery },
  { method: "get", path: "/api/v1/services/{slug}/probes", summary: "A service's probes", role: "viewer" },
  { method: "post", path: "/api/v1/services/{slug}/probes", summary: "Add a probe", role: "editor", body: ProbeInput },
  { method: "get", path: "/api/v1/services/{slug}/reconcile", summary: "The probes' downtime beside the incident record's, and where they disagree", role: "viewer", query: AvailabilityQuery },
  { method: "get", path: "/api/v1/availability", summary: "Every service's availability in one request", role: "viewer", query: AvailabilityListQuery },
  { method: "get", path: "/api/v1/availability/series", summary: "Every service's series in one request", role: "viewer", query: SeriesQuery },
  { method: "get", path: "/api/v1/incidents", summary: "Incidents", role: "viewer", query: IncidentListQuery },
  { method: "post", path: "/api/v1/incidents", summary: "Declare an incident", role: "editor", body: IncidentInput },
  { method: "get", path: "/api/v1/incidents/{id}", summary: "One incident (id or INC-42) with its timeline, costs and action items", role: "viewer" },
  { method: "patch", path: "/api/v1/incidents/{id}", summary: "Change an incident", role: "editor", body: IncidentUpdate },
  { method: "delete", path: "/api/v1/incidents/{id}", summary: "Delete an incident", role: "editor" },
  { method: "post", path: "/api/v1/incidents/import", summary: "Import incidents from CSV (`dryRun=true`, the default, lists each row's errors; `false` writes all or none)", role: "editor", query: ImportQuery, text: "text/csv" },
  { method: "post", path: "/api/v1/incidents/{id}/events", summary: "Add a timeline entry", role: "editor", body: TimelineEventInput },
  { method: "get", path: "/api/v1/action-items", summary: "Action items", role: "viewer", query: ActionItemListQuery },
  { method: "post", path: "/api/v1/action-items", summary: "Create an action item", role: "editor", body: ActionItemInput },
  { method: "get", path: "/api/v1/action-items/{id}", summary: "One action item", role: "viewer" },
  { method: "patch", path: "/api/v1/action-items/{id}", summary: "Change an action item", role: "editor", body: ActionItemUpdate },
  { method: "delete", path: "/api/v1/action-items/{id}", summary: "Delete an action item", role: "editor" },
  { method: "get", path: "/api/v1/risks", summary: "The risk register (`format=csv` exports it)", role: "viewer", query: RiskListQuery },
  { method: "post", path: "/api/v1/risks", summary: "Create a risk", role: "editor", body: RiskInput },
  { method: "get", path: "/api/v1/risks/matrix", summary: "The heat map: counts per cell and level", role: "viewer", query: MatrixQuery },
  { method: "get", path: "/api/v1/risks/{id}", summary: "One risk (id or RISK-12) with its incidents, action items, reviews and calibration", role: "viewer" },
  { method: "patch", path: "/api/v1/risks/{id}", summary: "Change a risk", role: "editor", body: RiskUpdate },
  { method: "delete", path: "/api/v1/risks/{id}", summary: "Delete a risk", role: "editor" },
  { method: "post", path: "/api/v1/risks/{id}/review", summary: "Mark a risk reviewed now", role: "editor", body: RiskReviewInput },
  { method: "put", path: "/api/v1/risks/{id}/incidents/{incidentId}", summary: "Record that an incident realised the risk", role: "editor" },
  { method: "delete", path: "/api/v1/risks/{id}/incidents/{incidentId}", summary: "Remove that link", role: "editor" },
  { method: "get", path: "/api/v1/reviews", summary: "The latest weeks and their reviews", role: "viewer" },
  { method: "post", path: "/api/v1/reviews", summary: "Start a week's review", role: "editor", body: ReviewStart },
  { method: "get", path: "/api/v1/reviews/{week}", summary: "A week's review (`format=markdown` or `csv` to export)", role: "viewer", query: ReviewQuery },
  { method: "patch", path: "/api/v1/reviews/{week}", summary: "Notes and attendees", role: "editor", body: ReviewUpdate },
  { method: "post", path: "/api/v1/reviews/{week}/close", summary: "Close the review, freezing its figures", role: "editor", body: ReviewClose },
  { method: "post", path: "/api/v1/reviews/{week}/reopen", summary: "Reopen a closed review", role: "admin" },
  { method: "get", path: "/api/v1/probes/{id}", summary: "One probe", role: "viewer" },
  { method: "patch", path: "/api/v1/probes/{id}", summary: "Change a probe", role: "editor", body: ProbeUpdate },
  { method: "delete", path: "/api/v1/probes/{id}", summary: "Delete a probe and its runs", role: "editor" },
  { method: "get", path: "/api/v1/probes/{id}/runs", summary: "A probe's runs, newest first", role: "viewer", query: ProbeRunsQuery },
  { method: "get", path: "/api/v1/openslo", summary: "Every service's SLO as OpenSLO v1 YAML", role: "viewer", text: "application/yaml" },
  { method: "post", path: "/api/v1/openslo", summary: "Import OpenSLO v1 YAML (`dryRun=true`, the default, lists the changes; `false` applies all or none)", role: "editor", query: ImportQuery, text: "application/json" },
  { method: "get", path: "/api/v1/integrations", summary: "Integration settings, without secrets", role: "admin" },
  { method: "patch", path: "/api/v1/integrations", summary: "Change integration settings", role: "admin", body: IntegrationsUpdate },
  { method: "post", path: "/api/v1/integrations/alertmanager", summary: "Alertmanager's webhook (payload version 4)", role: "editor", query: AlertmanagerOptions, body: AlertmanagerPayload },
  { method: "post", path: "/api/v1/integrations/pagerduty", summary: "PagerDuty's v3 webhook, authenticated by X-PagerDuty-Signature", role: "signature", body: PagerDutyEvent },
  { method: "get", path: "/api/v1/audit", summary: "The audit trail", role: "admin", query: AuditQuery },
  { method: "get", path: "/api/v1/users", summary: "Users", role: "admin" },
  { method: "post", path: "/api/v1/users", summary: "Create a user", role: "admin", body: UserInput },
  { method: "patch", path: "/api/v1/users/{id}", summary: "Change a user (role, password, disabled)", role: "admin", body: UserUpdate },
  { method: "get", path: "/api/v1/tokens", summary: "API tokens", role: "admin" },
  { method: "post", path: "/api/v1/tokens", summary: "Create a token (its secret is shown once)", role: "admin", body: ApiTokenInput },
  { method: "delete", path: "/api/v1/tokens/{id}", summary: "Revoke a token", role: "admin" },
  { method: "get", path: "/api/v1/openapi.json", summary: "This document", role: "public" },
];

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

const ERROR = {
  type: "object",
  required: ["error", "message"],
  properties: {
    error: { type: "string", description: "validation_failed, unauthenticated, forbidden, not_found, conflict, unsupported_media_type, rate_limited, unavailable or internal_error" },
    message: { type: "string" },
    issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
  },
};

const ROLE_TEXT: Record<Role, string> = {
  public: "No sign-in needed.",
  viewer: "Any role.",
  editor: "Editor or admin.",
  admin: "Admin only.",
  signature: "No token: the request's signature authenticates it.",
};

/** The OpenAPI 3.1 document of every route above. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const pathParams = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const queryParams = r.query
      ? Object.entries(r.query.shape).map(([name, field]) => {
          const schema = json(field as z.ZodType);
          delete schema.$schema;
          return { name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema };
        })
      : [];
    const body = r.body ? json(r.body) : null;
    if (body) delete body.$schema;
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      description: ROLE_TEXT[r.role],
      ...(r.role === "public" || r.role === "signature" ? { security: [] } : {}),
      parameters: [...pathParams, ...queryParams],
      ...(body ? { requestBody: { required: true, content: { "application/json": { schema: body } } } } : {}),
      responses: {
        [r.method === "post" && r.body && !/close|review$|events|alertmanager|pagerduty|setup/.test(r.path) ? "201" : "200"]: { description: "OK", content: { [r.text ?? "application/json"]: {} } },
        default: { description: "An error: 400 names the fields in `issues`", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Nines API", version: "1", description: "Instants are ISO 8601 with a zone, between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z; ratios are ratios; durations are seconds. Every PATCH carries the `version` it read." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token (Settings → API tokens), or the session cookie of a signed-in person" } }, schemas: { Error: ERROR } },
    paths,
  };
}
