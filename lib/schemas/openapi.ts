import { z } from "zod";
import { ActionItemDto, ActionItemListDto } from "@/lib/dto/action-items";
import { AuditEventDto, AuditListDto } from "@/lib/dto/audit";
import { ChangeDto, ChangeLaneDto, ChangeListDto, IncidentChangesDto } from "@/lib/dto/changes";
import { AvailabilitySummaryDto, FleetAvailabilityDto, FleetSeriesDto, IncidentLaneDto, SeriesDto, SeriesEntryDto, ServiceAvailabilityDto, ServiceFailureDto, ServiceSeriesDto } from "@/lib/dto/availability";
import { Deleted } from "@/lib/dto/common";
import { ERROR_BODIES, ERROR_CODES, type ErrorStatus } from "@/lib/dto/errors";
import { IncidentDetailDto, IncidentDto, IncidentImportDto, IncidentListDto, TimelineEventDto } from "@/lib/dto/incidents";
import { AlertmanagerResultDto, IntegrationsDto, PagerDutyResultDto } from "@/lib/dto/integrations";
import { OpenSloPlanDto } from "@/lib/dto/openslo";
import { DatasourceDto, DatasourceListDto } from "@/lib/dto/datasources";
import { StatusPageSettingsDto, StatusSnapshotDto, StatusSubscribedDto, SubscriptionLinkDto } from "@/lib/dto/status-page";
import { BUDGET_POLICY_SCHEMAS } from "./routes-budget-policy";
import { ChannelDto, ChannelListDto, ChannelTestDto, ChannelWithSecretDto, DeliveryListDto, SubscriptionDto, SubscriptionListDto } from "@/lib/dto/notifications";
import { SloAvailabilityDto, SloAvailabilityListDto, SloDto, SloListDto, SloReconcileDto, SloSeriesDto } from "@/lib/dto/slos";
import { ProbeDto, ProbeListDto, ProbeRunListDto, ReconcileDto } from "@/lib/dto/probes";
import { ReportDto, ReportUnpublishedDto } from "@/lib/dto/reports";
import { ReviewDto, ReviewListDto } from "@/lib/dto/reviews";
import { RiskIncidentLinkDto } from "@/lib/dto/risk-links";
import { RiskDeletedDto, RiskDetailDto, RiskDto, RiskListDto, RiskMatrixDto } from "@/lib/dto/risks";
import { ServiceDto, ServiceListDto } from "@/lib/dto/services";
import { SettingsDto } from "@/lib/dto/settings";
import { SignInSettingsDto } from "@/lib/dto/sign-in";
import { HealthDto, NotReadyDto, OpenApiDocumentDto, ReadyDto } from "@/lib/dto/system";
import { TierDto, TierListDto } from "@/lib/dto/tiers";
import { ApiTokenCreatedDto, ApiTokenDto, ApiTokenListDto } from "@/lib/dto/tokens";
import { MeDto, UserDto, UserListDto } from "@/lib/dto/users";
import { errorStatuses, ROUTES, type Role } from "./routes";

// The OpenAPI 3.1 document of the route table (routes.ts). Every parameter, body and response
// schema is zod's own JSON Schema output, never written by hand: request schemas inline (as the
// handler reads them), response schemas as named components (as the handler writes them).

export { ROUTES } from "./routes";

/** Response schemas by the name they have in `components.schemas`; every one the table uses is here. */
const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  ...BUDGET_POLICY_SCHEMAS,
  ActionItem: ActionItemDto,
  ActionItemList: ActionItemListDto,
  AlertmanagerResult: AlertmanagerResultDto,
  ApiToken: ApiTokenDto,
  ApiTokenCreated: ApiTokenCreatedDto,
  ApiTokenList: ApiTokenListDto,
  AuditEvent: AuditEventDto,
  AuditList: AuditListDto,
  AvailabilitySummary: AvailabilitySummaryDto,
  Change: ChangeDto,
  ChangeLane: ChangeLaneDto,
  ChangeList: ChangeListDto,
  Datasource: DatasourceDto,
  DatasourceList: DatasourceListDto,
  Deleted,
  FleetAvailability: FleetAvailabilityDto,
  FleetSeries: FleetSeriesDto,
  Health: HealthDto,
  Incident: IncidentDto,
  IncidentChanges: IncidentChangesDto,
  IncidentDetail: IncidentDetailDto,
  IncidentImport: IncidentImportDto,
  IncidentLane: IncidentLaneDto,
  IncidentList: IncidentListDto,
  Integrations: IntegrationsDto,
  Me: MeDto,
  NotificationChannel: ChannelDto,
  NotificationChannelWithSecret: ChannelWithSecretDto,
  NotificationChannelList: ChannelListDto,
  NotificationChannelTest: ChannelTestDto,
  DeliveryList: DeliveryListDto,
  Subscription: SubscriptionDto,
  StatusPageSettings: StatusPageSettingsDto,
  StatusSnapshot: StatusSnapshotDto,
  StatusSubscribed: StatusSubscribedDto,
  SubscriptionLink: SubscriptionLinkDto,
  SubscriptionList: SubscriptionListDto,
  NotReady: NotReadyDto,
  OpenApiDocument: OpenApiDocumentDto,
  OpenSloPlan: OpenSloPlanDto,
  PagerDutyResult: PagerDutyResultDto,
  Probe: ProbeDto,
  ProbeList: ProbeListDto,
  ProbeRunList: ProbeRunListDto,
  Ready: ReadyDto,
  Reconcile: ReconcileDto,
  Report: ReportDto,
  ReportUnpublished: ReportUnpublishedDto,
  Review: ReviewDto,
  ReviewList: ReviewListDto,
  Risk: RiskDto,
  RiskDeleted: RiskDeletedDto,
  RiskDetail: RiskDetailDto,
  RiskIncidentLink: RiskIncidentLinkDto,
  RiskList: RiskListDto,
  RiskMatrix: RiskMatrixDto,
  Series: SeriesDto,
  SeriesEntry: SeriesEntryDto,
  Service: ServiceDto,
  Slo: SloDto,
  SloAvailability: SloAvailabilityDto,
  SloAvailabilityList: SloAvailabilityListDto,
  SloList: SloListDto,
  SloReconcile: SloReconcileDto,
  SloSeries: SloSeriesDto,
  ServiceAvailability: ServiceAvailabilityDto,
  ServiceFailure: ServiceFailureDto,
  ServiceList: ServiceListDto,
  ServiceSeries: ServiceSeriesDto,
  Settings: SettingsDto,
  SignInSettings: SignInSettingsDto,
  Tier: TierDto,
  TimelineEvent: TimelineEventDto,
  TierList: TierListDto,
  User: UserDto,
  UserList: UserListDto,
};

/** The error bodies' component names, by status: "NotFound" for 404. */
const ERROR_NAMES: Record<ErrorStatus, string> = {
  400: "ValidationFailed",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  415: "UnsupportedMediaType",
  429: "RateLimited",
  500: "InternalError",
  503: "Unavailable",
};

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: "The request is not valid: `issues` names each field and what is wrong with it",
  401: "No valid credentials: sign in or send an API token",
  403: "The role does not allow this, or a signed-in write did not come from a Nines page",
  404: "What the path names does not exist",
  409: "A duplicate, a state that forbids the change, or a stale `version` (then `current` says who changed it and when)",
  415: "The body is not JSON",
  429: "Too many attempts: `Retry-After` says when to come back",
  500: "Something unexpected: the message carries a reference that is also in the server's log",
  503: "The database is unavailable: `Retry-After` says when to come back",
};

const ROLE_TEXT: Record<Role, string> = {
  public: "No sign-in needed.",
  viewer: "Any role.",
  editor: "Editor or admin.",
  admin: "Admin only.",
  signature: "No token: the request's signature authenticates it.",
};

const inline = (schema: z.ZodType) => {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
};

/** The name a response schema has in components.schemas; a schema without one is a mistake in the table. */
function nameOf(schema: z.ZodType, where: string): string {
  const name = Object.entries(RESPONSE_SCHEMAS).find(([, s]) => s === schema)?.[0];
  if (!name) throw new Error(`The response schema of ${where} has no name in openapi.ts RESPONSE_SCHEMAS`);
  return name;
}

/** Every named schema as JSON Schema, each referring to the others by `#/components/schemas/<name>`. */
function componentSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSE_SCHEMAS)) registry.add(schema, { id });
  for (const [status, schema] of Object.entries(ERROR_BODIES)) registry.add(schema, { id: ERROR_NAMES[Number(status) as ErrorStatus] });
  const { schemas } = z.toJSONSchema(registry, { io: "output", unrepresentable: "any", target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return schemas as Record<string, Record<string, unknown>>;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const RETRY_AFTER = { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } } };

function componentResponses(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    (Object.keys(ERROR_CODES).map(Number) as ErrorStatus[]).map((status) => [
      ERROR_NAMES[status],
      { description: `${ERROR_CODES[status]}: ${ERROR_TEXT[status]}`, ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}), content: { "application/json": { schema: ref(ERROR_NAMES[status]) } } },
    ]),
  );
}

/** The OpenAPI 3.1 document of every route in the table. */
export function openApiDocument(): OpenApiDocumentDto {
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const r of ROUTES) {
    const pathParams = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const queryParams = r.query
      ? Object.entries(r.query.shape).map(([name, field]) => ({ name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema: inline(field as z.ZodType) }))
      : [];
    const requestBody = r.body
      ? { required: true, content: { "application/json": { schema: inline(r.body) } } }
      : r.requestText
        ? { required: true, content: { [r.requestText]: { schema: { type: "string" } } } }
        : undefined;
    const responses: Record<string, unknown> = {};
    for (const [status, reply] of Object.entries(r.responses)) {
      const content: Record<string, unknown> = {};
      if (reply.json) content["application/json"] = { schema: ref(nameOf(reply.json, `${r.method} ${r.path} ${status}`)) };
      for (const type of reply.text ?? []) content[type] = { schema: { type: "string" } };
      responses[status] = { description: status === "201" ? "Created" : "OK", content };
    }
    for (const status of errorStatuses(r)) {
      const own = r.ownErrors?.[status];
      responses[String(status)] = own
        ? { description: ERROR_TEXT[status], content: { "application/json": { schema: ref(nameOf(own, `${r.method} ${r.path} ${status}`)) } } }
        : { $ref: `#/components/responses/${ERROR_NAMES[status]}` };
    }
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      description: ROLE_TEXT[r.role],
      ...(r.role === "public" || r.role === "signature" ? { security: [] } : {}),
      parameters: [...pathParams, ...queryParams],
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Nines API",
      version: "1",
      description:
        "Instants are ISO 8601 with a zone, between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z; ratios are ratios; durations are seconds. Every PATCH carries the `version` it read. A value that is not there is `null`, never left out. Lists are `{\"<plural>\": [...], \"nextCursor\", \"total\"}` where they are paged.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token (Settings → API tokens), or the session cookie of a signed-in person" } },
      schemas: componentSchemas(),
      responses: componentResponses(),
    },
    paths,
  };
}
