// Response schemas of the incidents API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { TRACKED_FIELDS, TEXT_FIELDS, type TimelineData, type TimelineEntryType } from "@/lib/domain/incident-history";
import { INCIDENT_KINDS, INCIDENT_STATUSES, MILESTONES, SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { ActionItemDto } from "./action-items";
import { assertSameType, Count, InstantText, NextCursor, Total } from "./common";

export const ImpactDto = z.strictObject({ service: z.string(), serviceName: z.string(), fraction: z.number(), startedAt: InstantText.nullable(), endedAt: InstantText.nullable() });
export type ImpactDto = z.infer<typeof ImpactDto>;

/** Who holds an incident role: a Nines user (then `name` is theirs) or a name typed for someone without an account. */
export const IncidentRoleDto = z.strictObject({ role: z.string(), user: z.strictObject({ id: z.string(), name: z.string() }).nullable(), name: z.string() });
export type IncidentRoleDto = z.infer<typeof IncidentRoleDto>;

export const IncidentDto = z.strictObject({
  id: z.string(),
  number: z.int(),
  reference: z.string(),
  title: z.string(),
  /** The title readers outside the team see; null: Nines says "Investigating an issue with <service>". */
  publicTitle: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  kind: z.enum(INCIDENT_KINDS),
  status: z.enum(INCIDENT_STATUSES),
  startedAt: InstantText,
  detectedAt: InstantText.nullable(),
  acknowledgedAt: InstantText.nullable(),
  mitigatedAt: InstantText.nullable(),
  resolvedAt: InstantText.nullable(),
  /** Where it stands when read (lib/domain/incident-lifecycle.ts incidentPhase): upcoming is scheduled maintenance still to start. */
  phase: z.enum(["upcoming", "ongoing", "over"]),
  ongoing: z.boolean(),
  summary: z.string(),
  rootCause: z.string(),
  postmortem: z.string(),
  source: z.string().nullable(),
  externalId: z.string().nullable(),
  impacts: z.array(ImpactDto),
  /** The incident roles held (commander...), by role; a role nobody holds is not listed. */
  roles: z.array(IncidentRoleDto),
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type IncidentDto = z.infer<typeof IncidentDto>;

/** `GET /api/v1/incidents`: one page, newest first, and how many match. */
export const IncidentListDto = z.strictObject({ incidents: z.array(IncidentDto), nextCursor: NextCursor, total: Total });
export type IncidentListDto = z.infer<typeof IncidentListDto>;

const Milestone = z.enum(MILESTONES);
const Status = z.enum(INCIDENT_STATUSES);
const RoleHolder = z.strictObject({ user: z.string().nullable(), name: z.string() });
const ImpactState = z.strictObject({ fraction: z.number(), startedAt: InstantText.nullable(), endedAt: InstantText.nullable() });

/** What Nines records on a timeline by itself, as data (lib/domain/incident-history.ts). */
export const TimelineDataDto = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("opened"), reference: z.string() }),
  /** Scheduled maintenance, declared ahead: its end, if known, is a plan, not a resolution. */
  z.strictObject({ kind: z.literal("scheduled"), reference: z.string(), plannedEnd: InstantText.nullable() }),
  /** A scheduled maintenance's planned end moved, set or cleared. */
  z.strictObject({ kind: z.literal("planned_end"), at: InstantText.nullable(), was: InstantText.nullable() }),
  z.strictObject({ kind: z.literal("milestone"), milestone: Milestone, at: InstantText, was: InstantText.nullable() }),
  z.strictObject({ kind: z.literal("milestone_cleared"), milestone: Milestone, was: InstantText }),
  z.strictObject({ kind: z.literal("status"), from: Status, to: Status }),
  z.strictObject({ kind: z.literal("field"), field: z.enum(TRACKED_FIELDS), from: z.string().nullable(), to: z.string().nullable() }),
  z.strictObject({ kind: z.literal("text"), field: z.enum(TEXT_FIELDS) }),
  z.strictObject({ kind: z.literal("impact_added"), service: z.string(), to: ImpactState }),
  z.strictObject({ kind: z.literal("impact_changed"), service: z.string(), from: ImpactState, to: ImpactState }),
  z.strictObject({ kind: z.literal("impact_removed"), service: z.string(), from: ImpactState }),
  z.strictObject({ kind: z.literal("role"), role: z.string(), from: RoleHolder.nullable(), to: RoleHolder.nullable() }),
]);
assertSameType<z.infer<typeof TimelineDataDto>, TimelineData>(true);

export const TIMELINE_ENTRY_TYPES = ["detected", "acknowledged", "update", "status_change", "mitigated", "resolved", "note", "severity_change", "title_change", "kind_change", "role_change"] as const;
assertSameType<(typeof TIMELINE_ENTRY_TYPES)[number], TimelineEntryType>(true);

export const TimelineEventDto = z.strictObject({
  id: z.string(),
  at: InstantText,
  type: z.enum(TIMELINE_ENTRY_TYPES),
  /** What a person typed; empty for entries Nines wrote itself. */
  message: z.string(),
  /** What Nines recorded, as data; null for typed entries. */
  data: TimelineDataDto.nullable(),
  author: z.string(),
  /** Shown to readers outside the team (a status page); false for internal notes and for what Nines writes. */
  public: z.boolean(),
});
export type TimelineEventDto = z.infer<typeof TimelineEventDto>;

export const ImpactCostDto = z.strictObject({
  service: z.string(),
  serviceName: z.string(),
  /** Counted seconds attributed to the incident on this service, over the incident's span. */
  downtimeSeconds: z.number(),
  sloTarget: z.number(),
  /** The service's SLO window as of the incident's end (or now, while it is ongoing). */
  window: z.strictObject({ label: z.string(), from: InstantText, to: InstantText }),
  budgetSeconds: z.number(),
  windowSeconds: z.number(),
  budgetShare: z.number(),
});
export type ImpactCostDto = z.infer<typeof ImpactCostDto>;

export const IncidentDetailDto = IncidentDto.extend({
  timeline: z.array(TimelineEventDto),
  /** What it cost each service it hit (the engine's attribution), in the order of impacts. */
  costs: z.array(ImpactCostDto),
  actionItems: z.array(ActionItemDto),
  /** The latest change, from the audit trail: who, when. */
  lastChange: z.strictObject({ changedBy: z.string(), changedAt: InstantText }).nullable(),
});
export type IncidentDetailDto = z.infer<typeof IncidentDetailDto>;

/** `POST /api/v1/incidents/import`: the rows read, the incidents created (none on a dry run) and every row's errors. */
export const IncidentImportDto = z.strictObject({
  dryRun: z.boolean(),
  rows: Count,
  created: z.array(z.strictObject({ line: z.int(), reference: z.string() })),
  errors: z.array(z.strictObject({ line: z.int(), column: z.string(), message: z.string() })),
});
export type IncidentImportDto = z.infer<typeof IncidentImportDto>;
