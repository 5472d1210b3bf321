import { z } from "zod";
import { INCIDENT_KINDS, INCIDENT_STATUSES, SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { TYPED_ENTRY_TYPES } from "@/lib/domain/incident-history";
import { BooleanFlag, CommaList, Instant, Name, PlainString, QueryInt, Slug, Text, TierFilter, Version } from "./common";

/** What a person may post; the other entry types (severity_change...) only Nines writes. */
export const TIMELINE_TYPES = TYPED_ENTRY_TYPES;

export const Severity = z.enum(SEVERITIES, { error: "Must be SEV1, SEV2, SEV3, SEV4 or SEV5" });
export const IncidentKind = z.enum(INCIDENT_KINDS, { error: "Must be unplanned or maintenance" });
export const IncidentStatus = z.enum(INCIDENT_STATUSES, { error: "Must be scheduled (planned maintenance only), investigating, identified, monitoring or resolved" });

export const Fraction = z
  .number({ error: "Must be a number in (0, 1], e.g. 0.25 for a quarter of requests failing" })
  .gt(0, { error: "Must be above 0 (an impact of 0 is no impact)" })
  .max(1, { error: "Must be at most 1 (1 = full outage)" });

export const ImpactInput = z.strictObject({
  service: Slug,
  fraction: Fraction.default(1),
  startedAt: Instant.nullish(),
  endedAt: Instant.nullish(),
});
export type ImpactInput = z.infer<typeof ImpactInput>;

const Impacts = z
  .array(ImpactInput, { error: "Must be a list of impacts" })
  .min(1, { error: "Name at least one impacted service" })
  .max(500, { error: "At most 500 impacted services" });

const fields = {
  title: Name,
  severity: Severity,
  kind: IncidentKind.default("unplanned"),
  status: IncidentStatus.optional(),
  startedAt: Instant,
  detectedAt: Instant.nullish(),
  acknowledgedAt: Instant.nullish(),
  mitigatedAt: Instant.nullish(),
  resolvedAt: Instant.nullish(),
  summary: Text(10_000).optional(),
  /** What readers outside the team see (status page, public channels); null: "Investigating an issue with <service>". */
  publicTitle: Name.nullish(),
  rootCause: Text(10_000).optional(),
  postmortem: Text(200_000).optional(),
  source: PlainString().trim().min(1).max(60).nullish(),
  externalId: PlainString().trim().min(1).max(200).nullish(),
  impacts: Impacts,
  /**
   * An impact that starts before its service's measuredSince is refused unless this is true; then
   * the service's measuredSince moves back to the start of that day (docs/domain.md "Measured since").
   */
  moveMeasuredSince: z.boolean({ error: "Must be true or false" }).optional(),
};

export const IncidentInput = z.strictObject(fields);
export type IncidentInput = z.infer<typeof IncidentInput>;

/**
 * Who is to hold an incident role: a Nines user by id, or the name of someone without an account.
 * Null (in "roles") clears the role.
 */
export const RoleHolderInput = z
  .strictObject({
    user: PlainString("Must be a user's id").trim().min(1, { error: "Must be a user's id" }).max(64, { error: "Must be a user's id" }).optional(),
    name: Name.optional(),
  })
  .superRefine((h, ctx) => {
    if ((h.user === undefined) === (h.name === undefined)) ctx.addIssue({ code: "custom", message: "Give either user (a Nines user's id) or name (someone without an account)" });
  });
export type RoleHolderInput = z.infer<typeof RoleHolderInput>;

/** PATCH: any subset of fields, plus the version that was read; impacts, when given, replace the set. */
export const IncidentUpdate = z.strictObject({
  ...fields,
  kind: IncidentKind.optional(),
  title: Name.optional(),
  severity: Severity.optional(),
  startedAt: Instant.optional(),
  impacts: Impacts.optional(),
  /** Roles to set or (null) clear, by role key; roles not named keep their holder. Checked against the settings' incidentRoles. */
  roles: z.record(z.string().max(40), RoleHolderInput.nullable(), { error: 'Must be an object of roles, e.g. {"commander": {"user": "<id>"}}' }).optional(),
  version: Version,
});
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

/**
 * A timeline entry. An update or a note is what someone types, so it needs text; a milestone
 * (detected, acknowledged, mitigated, resolved) says enough by itself, the text is optional.
 */
export const TimelineEventInput = z
  .strictObject({
    type: z.enum(TIMELINE_TYPES, { error: `Must be one of ${TIMELINE_TYPES.join(", ")}` }),
    message: PlainString().trim().max(10_000, { error: "Must be at most 10000 characters" }).default(""),
    at: Instant.optional(),
    /** Shown to readers outside the team (a status page); internal unless true. */
    public: z.boolean({ error: "Must be true or false" }).default(false),
  })
  .superRefine((entry, ctx) => {
    if (entry.message === "" && (entry.type === "update" || entry.type === "note" || entry.type === "status_change")) {
      ctx.addIssue({ code: "custom", path: ["message"], message: "Required: say what happened" });
    }
  });
export type TimelineEventInput = z.infer<typeof TimelineEventInput>;

export const IncidentListQuery = z.strictObject({
  service: Slug.optional(),
  tier: TierFilter.optional(),
  severity: CommaList(SEVERITIES, "SEV1..SEV5, comma-separated").optional(),
  kind: IncidentKind.optional(),
  /** open: ongoing now; resolved: over; upcoming: scheduled maintenance still to start. */
  status: z.enum(["open", "resolved", "upcoming"], { error: "Must be open, resolved or upcoming" }).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  cursor: z.string().max(200).optional(),
  limit: QueryInt(1, 200).optional(),
  /** csv: every match, with impacts, as one file (streamed; no cap). */
  format: z.enum(["json", "csv"], { error: "Must be json or csv" }).optional(),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

/** `POST /api/v1/incidents/import`: a dry run by default; moveMeasuredSince as when logging one. */
export const IncidentImportQuery = z.strictObject({ dryRun: BooleanFlag.default(true), moveMeasuredSince: BooleanFlag.default(false) });
