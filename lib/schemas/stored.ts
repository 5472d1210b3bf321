import { z } from "zod";
import { DEFAULT_REVIEW_CADENCE, MAX_CADENCE_DAYS, type ReviewCadence } from "@/lib/domain/risk-review";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";
import type { TimelineData } from "@/lib/domain/incident-history";
import { TimelineDataDto } from "@/lib/dto/incidents";
import { ActionItemDto } from "@/lib/dto/action-items";
import { riskReference } from "@/lib/domain/risk-rules";
import { ReviewFiguresDto, ReviewListHeadlineDto, type ReviewFiguresDto as ReviewFigures, type ReviewListHeadlineDto as ReviewListHeadline } from "@/lib/dto/reviews";
import type { RiskLevel } from "@/lib/domain/risk-matrix";
import { RiskLevelDto, type RiskDto } from "@/lib/dto/risks";
import { ReportFiguresDto, type ReportFiguresDto as ReportFigures } from "@/lib/dto/reports";
import { zodIssues } from "./issues";
import { BudgetPolicyFields } from "./budget-policy";
import type { BudgetPolicy } from "@/lib/domain/budget-policy";
import type { Budgeting, Sli } from "@/lib/domain/slo";
import { StoredBudgetingV1, StoredSliV1 } from "./slo";
import { AUDIENCES, NOTIFICATION_EVENTS } from "@/lib/domain/notifications";
import type { NotificationMessage } from "@/lib/domain/notification-message";
import { MAX_ATTACHMENT_BYTES } from "@/lib/domain/report-delivery";
import { DEFAULT_OIDC_SCOPES } from "@/lib/domain/oidc-scopes";

// JSON that Nines stores and later reads back as data (docs/conventions.md, "Stored JSON"). Each
// kind is written with the `schemaVersion` it was written in, and read with the schema of that
// version; a row written before versions existed has none and is version 1. When a kind's shape
// changes, its new shape becomes the next version and the older ones upgrade to it as they are
// read, so that readers know one shape and no stored row silently stops reading. A row that fits
// none is an error naming the row and the field (a logged 500), never a silent default.

/** Stored JSON that fits none of its versions: the data was written by something else, or damaged. */
export class StoredDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoredDataError";
  }
}

export type StoredKind<T, W extends object = T & object> = {
  /** What the JSON is, for messages: "a closed review's snapshot". */
  readonly what: string;
  readonly latest: number;
  /** The stored value as the latest version's shape; `where` names the row in the error. */
  read(value: unknown, where: string): T;
  /** The value as it is stored: with the latest version number. */
  write(value: W): W & { schemaVersion: number };
};

/** Version 1 is also what a row without `schemaVersion` is. */
function storedKind<T, W extends object = T & object>(what: string, versions: Record<number, z.ZodType<T>>): StoredKind<T, W> {
  const latest = Math.max(...Object.keys(versions).map(Number));
  return {
    what,
    latest,
    read(value, where) {
      const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
      const { schemaVersion = 1, ...rest } = isObject ? (value as { schemaVersion?: unknown }) : {};
      const schema = typeof schemaVersion === "number" ? versions[schemaVersion] : undefined;
      if (!schema) throw new StoredDataError(`${where}: ${what} has schemaVersion ${JSON.stringify(schemaVersion)}, which this version of Nines cannot read (it reads 1 to ${latest})`);
      const result = schema.safeParse(isObject ? rest : value);
      if (!result.success) {
        const issues = zodIssues(result.error).slice(0, 5).map((i) => `${i.path || "(the value)"}: ${i.message}`);
        throw new StoredDataError(`${where}: ${what} (schemaVersion ${schemaVersion}) cannot be read: ${issues.join("; ")}`);
      }
      return result.data;
    },
    write: (value) => ({ schemaVersion: latest, ...value }),
  };
}

/**
 * Version 1 (before action items named their risk by reference) stored the risk's number: it
 * reads as version 2 with the reference made from it.
 */
const ReviewSnapshotV1 = ReviewFiguresDto.extend({
  actionItems: z.array(
    ActionItemDto.extend({ risk: z.strictObject({ id: z.string(), number: z.int(), title: z.string() }).nullable() }).transform((a) => ({
      ...a,
      risk: a.risk && { id: a.risk.id, reference: riskReference(a.risk.number), title: a.risk.title },
    })),
  ),
});

/**
 * Versions 1 and 2 predate measuredSince: every figure they froze was of the whole window, so each
 * summary reads with measuredFrom = its window's start, and that instant as the measuredSince it
 * implies (the earliest the record is known to count from).
 */
function withMeasured(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !Array.isArray((value as { services?: unknown }).services)) return value;
  const upgrade = (summary: unknown): unknown => {
    if (typeof summary !== "object" || summary === null || "error" in summary || "measuredFrom" in summary) return summary;
    const from = (summary as { window?: { from?: unknown } }).window?.from;
    return { ...summary, measuredSince: from, measuredFrom: from };
  };
  const services = (value as { services: Record<string, unknown>[] }).services.map((s) => ({ ...s, week: upgrade(s.week), sloWindow: upgrade(s.sloWindow) }));
  return { ...value, services };
}

/** Versions 1 to 3 predate SLOs as their own entity: each service had its own SLO only. */
function withoutOtherSlos(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !Array.isArray((value as { services?: unknown }).services)) return value;
  return { ...value, services: (value as { services: Record<string, unknown>[] }).services.map((s) => ("slos" in s ? s : { ...s, slos: [] })) };
}

/** Version 4 had other SLOs but did not set measured ones beside the incident record: none is. */
function withoutBeside(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !Array.isArray((value as { services?: unknown }).services)) return value;
  const services = (value as { services: Record<string, unknown>[] }).services.map((s) =>
    Array.isArray(s.slos) ? { ...s, slos: (s.slos as Record<string, unknown>[]).map((o) => (typeof o === "object" && o !== null && !("beside" in o) ? { ...o, beside: null } : o)) } : s,
  );
  return { ...value, services };
}

/**
 * Versions 1 to 5 predate changes, error-budget freezes and required postmortems: Nines recorded
 * none of them then, so each service had no change and no freeze, and no postmortem was overdue.
 */
function withoutPolicy(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !Array.isArray((value as { services?: unknown }).services)) return value;
  const services = (value as { services: unknown[] }).services.map((s) => (typeof s === "object" && s !== null && !("changeCount" in s) ? { ...s, changeCount: 0, freezes: [] } : s));
  return { ...value, services, ...("postmortemsOverdue" in value ? {} : { postmortemsOverdue: [] }) };
}

/** A closed review's figures as they were shown when it was closed (Review.snapshot). */
export const ReviewSnapshot: StoredKind<ReviewFigures> = storedKind("a closed review's snapshot", {
  1: z.preprocess((v) => withoutPolicy(withoutOtherSlos(withMeasured(v))), ReviewSnapshotV1),
  2: z.preprocess((v) => withoutPolicy(withoutOtherSlos(withMeasured(v))), ReviewFiguresDto),
  3: z.preprocess((v) => withoutPolicy(withoutOtherSlos(v)), ReviewFiguresDto),
  4: z.preprocess((v) => withoutPolicy(withoutBeside(v)), ReviewFiguresDto),
  5: z.preprocess(withoutPolicy, ReviewFiguresDto),
  6: ReviewFiguresDto,
});

/** A closed review's headline counts, for the list of weeks (Review.headline). */
export const ReviewHeadline: StoredKind<ReviewListHeadline> = storedKind("a closed review's headline", { 1: ReviewListHeadlineDto });

/** What Nines recorded on a timeline by itself (TimelineEvent.data; null for typed entries). */
// Version 2 added role changes (kind "role"); every version 1 entry is a version 2 entry as it is.
const TimelineDataV1 = TimelineDataDto.refine((d) => d.kind !== "role", { path: ["kind"], message: "Role changes were first written by version 2" });
export const TimelineEntryData: StoredKind<TimelineData> = storedKind("a timeline entry's data", { 1: TimelineDataV1, 2: TimelineDataDto });

const CadenceDays = z.int().min(1).max(MAX_CADENCE_DAYS);

/**
 * Days between risk reviews per level (OrganizationSettings.riskReviewCadence). Null (never set)
 * and a level left out are the documented defaults; anything else that does not read is an error.
 */
export const RiskReviewCadence: StoredKind<ReviewCadence> = storedKind("the risk review cadence", {
  1: z
    .strictObject({ CRITICAL: CadenceDays.optional(), HIGH: CadenceDays.optional(), MEDIUM: CadenceDays.optional(), LOW: CadenceDays.optional() })
    .nullable()
    .transform((c) => ({ ...DEFAULT_REVIEW_CADENCE, ...Object.fromEntries(Object.entries(c ?? {}).filter(([, days]) => days !== undefined)) }) as ReviewCadence),
});

const IntegrationsV1 = z
  .strictObject({
    alertmanager: z
      .strictObject({ serviceLabel: z.string().optional(), severityLabel: z.string().optional(), severityMap: z.record(z.string(), z.enum(SEVERITIES)).optional() })
      .optional(),
    pagerduty: z.strictObject({ sealedSecret: z.string().nullable().optional(), services: z.record(z.string(), z.string()).optional() }).optional(),
    /** The SMTP server email channels send through; the password sealed. */
    smtp: z
      .strictObject({ host: z.string(), port: z.int(), secure: z.boolean(), user: z.string().nullable(), sealedPassword: z.string().nullable(), from: z.string() })
      .nullable()
      .optional(),
  })
  .nullable()
  .transform((s) => s ?? {});

/** The integrations' settings (OrganizationSettings.integrations); null until first set. The PagerDuty secret is sealed. */
export const StoredIntegrations: StoredKind<z.output<typeof IntegrationsV1>> = storedKind("the integration settings", { 1: IntegrationsV1 });
export type StoredIntegrations = z.output<typeof IntegrationsV1>;

// Audit events record an entity as it was then; these read back the parts used as domain data, and
// leave the rest of the record (which grows with the entity) unread.

/** A risk's audit record of an edit (before and after): its current level, for the weekly review's "changed level". */
export const RiskAuditRecord: StoredKind<{ level: RiskLevel }, RiskDto> = storedKind("a risk's audit record", {
  1: z.looseObject({ current: z.looseObject({ level: RiskLevelDto }) }).transform((r) => ({ level: r.current.level })),
});

/**
 * A risk review's audit record (after): its note, the level it was reviewed at and when it was
 * held (`lastReviewedAt`: a review entered afterwards is audited later than it was held).
 */
export const RiskReviewRecord: StoredKind<{ note: string; level: RiskLevel; heldAt: string | null }, { note: string; level: RiskLevel; lastReviewedAt: string | null; reviewDueAt: string | null }> = storedKind("a risk review's audit record", {
  1: z
    .looseObject({ note: z.string(), level: RiskLevelDto, lastReviewedAt: z.iso.datetime({ offset: true }).nullable().optional() })
    .transform((r) => ({ note: r.note, level: r.level, heldAt: r.lastReviewedAt ?? null })),
});

/** An SLO's SLI (what it measures); docs/decisions/0021-slo-entity.md. */
export const StoredSli: StoredKind<Sli> = storedKind("an SLO's SLI", { 1: StoredSliV1 });

/** How an SLO's budget is counted. */
export const StoredBudgeting: StoredKind<Budgeting> = storedKind("an SLO's budgeting", { 1: StoredBudgetingV1 });

const NotificationMessageV1 = z.strictObject({
  event: z.enum([...NOTIFICATION_EVENTS, "test", "subscription.confirm"]),
  audience: z.enum(AUDIENCES),
  title: z.string(),
  text: z.string(),
  facts: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  link: z.string().nullable(),
  reference: z.string().nullable(),
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** An email's file (a report's PDF): base64 of at most MAX_ATTACHMENT_BYTES, so a damaged row cannot make a giant email. */
const MessageAttachmentV2 = z.strictObject({
  fileName: z.string().min(1).max(200),
  contentType: z.literal("application/pdf"),
  base64: z
    .string()
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/** Version 2: a message may carry attachments (email only; a message without any is written without the key); version 1 has none. */
const NotificationMessageV2 = NotificationMessageV1.extend({ attachments: z.array(MessageAttachmentV2).max(1).default([]) });

/** A message in the notification outbox (Delivery.message), as written at the change. */
export const StoredNotificationMessage: StoredKind<NotificationMessage> = storedKind("a notification's message", {
  1: NotificationMessageV1.transform((m) => ({ ...m, attachments: [] })),
  2: NotificationMessageV2,
});

const WatchStateV1 = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("slo"), burn: z.enum(["fast_burn", "slow_burn", "ok"]), exhausted: z.boolean() }),
  z.strictObject({ kind: z.literal("risk"), review: z.enum(["not_due", "due", "overdue"]) }),
  z.strictObject({ kind: z.literal("lease") }),
]);
/** Version 2: also the period report of a kind last delivered (its label, "month:2026-11"). */
const WatchStateV2 = z.discriminatedUnion("kind", [...WatchStateV1.options, z.strictObject({ kind: z.literal("report"), period: z.string().max(40) })]);
export type WatchStateData = z.infer<typeof WatchStateV2>;

/** What the notification evaluator last saw (WatchState.state). */
export const StoredWatchState: StoredKind<WatchStateData> = storedKind("a watched state", { 1: WatchStateV1, 2: WatchStateV2 });

const StatusComponentsV1 = z.array(z.strictObject({ name: z.string(), serviceIds: z.array(z.string()) }));

/** The status page's components (StatusPage.components): public names for groups of services. */
export const StoredStatusComponents: StoredKind<z.infer<typeof StatusComponentsV1>, { components: z.infer<typeof StatusComponentsV1> }> = storedKind("the status page's components", {
  1: z.union([StatusComponentsV1, z.strictObject({ components: StatusComponentsV1 }).transform((v) => v.components)]),
});

const BudgetPolicyV1 = z.strictObject(BudgetPolicyFields);
/** A tier's error-budget policy (Tier.budgetPolicy; null there is the default policy). */
export const StoredBudgetPolicy: StoredKind<BudgetPolicy> = storedKind("a tier's error-budget policy", { 1: BudgetPolicyV1 });

/** A service's overrides of its tier's policy (Service.budgetPolicy): only the fields it sets. */
export const StoredPolicyOverride: StoredKind<Partial<BudgetPolicy>> = storedKind("a service's error-budget policy overrides", { 1: BudgetPolicyV1.partial() });

/** A published period report's figures (Report.snapshot), as the report showed them. */
export const ReportSnapshot: StoredKind<ReportFigures> = storedKind("a published report's snapshot", { 1: ReportFiguresDto });

const OidcRoleName = z.enum(["viewer", "editor", "admin"]);
const OidcSettingsV1 = z.strictObject({
  /** Off keeps the fields for later without offering the button. */
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  /** The client secret, sealed (lib/server/secret-box.ts); null: a public client (PKCE only). */
  sealedSecret: z.string().nullable(),
  /** What the sign-in button says: "Sign in with <displayName>". */
  displayName: z.string(),
  groupsClaim: z.string(),
  groups: z.strictObject({ viewer: z.array(z.string()), editor: z.array(z.string()), admin: z.array(z.string()) }),
  /** The role of a person in no mapped group; null refuses them. */
  defaultRole: OidcRoleName.nullable(),
});

/** Version 2 adds the scopes asked for; version 1 asked for the fixed openid email profile. */
const OidcSettingsV2 = OidcSettingsV1.extend({ scopes: z.string() });
const OidcSettingsV1AsV2 = OidcSettingsV1.transform((s) => ({ ...s, scopes: DEFAULT_OIDC_SCOPES }));

/** Sign-in with OpenID Connect (OrganizationSettings.oidc); null: the environment's, or none. */
export const StoredOidcSettings: StoredKind<z.output<typeof OidcSettingsV2>> = storedKind("the OpenID Connect settings", { 1: OidcSettingsV1AsV2, 2: OidcSettingsV2 });
export type StoredOidcSettings = z.output<typeof OidcSettingsV2>;
