// Response schemas of the changes API (lib/schemas/change.ts has the requests), of the marks on a
// service's trend (its changes and freezes) and of an incident's changes before it started.
import { z } from "zod";
import { CHANGE_KINDS, CHANGE_SOURCES } from "@/lib/domain/changes";
import { Count, InstantText, NextCursor, Total } from "./common";
import { FreezeFields } from "./freezes";

/**
 * A recorded change. Changes are a log (like the audit trail): never edited, so they carry no
 * `version` or `updatedAt`.
 */
export const ChangeDto = z.strictObject({
  id: z.string(),
  service: z.strictObject({ id: z.string(), slug: z.string(), name: z.string() }),
  at: InstantText,
  kind: z.enum(CHANGE_KINDS),
  summary: z.string(),
  url: z.string().nullable(),
  release: z.string().nullable(),
  /** api: a pipeline posted it; gate: the release gate let the release through a check. */
  source: z.enum(CHANGE_SOURCES),
  /** Who recorded it (the token's or person's label in the audit trail). */
  createdBy: z.string(),
  createdAt: InstantText,
});
export type ChangeDto = z.infer<typeof ChangeDto>;

/** `GET /api/v1/changes`: one page, newest first, and how many match. */
export const ChangeListDto = z.strictObject({ changes: z.array(ChangeDto), nextCursor: NextCursor, total: Total });
export type ChangeListDto = z.infer<typeof ChangeListDto>;

/** A freeze of the error-budget policy, as a period (written by the evaluator, read here). */
export const FreezePeriodDto = FreezeFields.extend({
  /** The line the review and the chart's text say it in, in the organisation's zone. */
  text: z.string(),
});
export type FreezePeriodDto = z.infer<typeof FreezePeriodDto>;

/** A change as a mark on the trend: only what a marker needs. */
export const LaneChangeDto = z.strictObject({ id: z.string(), at: InstantText, kind: z.enum(CHANGE_KINDS), summary: z.string(), release: z.string().nullable(), url: z.string().nullable() });
export type LaneChangeDto = z.infer<typeof LaneChangeDto>;

/**
 * `GET /api/v1/services/{slug}/availability/changes`: the service's changes and freezes within a
 * series' range (same query as the series), oldest first; when there are very many changes, the
 * latest `changes.length` of `total`.
 */
export const ChangeLaneDto = z.strictObject({ asOf: InstantText, from: InstantText, to: InstantText, timeZone: z.string(), total: Count, changes: z.array(LaneChangeDto), freezes: z.array(FreezePeriodDto) });
export type ChangeLaneDto = z.infer<typeof ChangeLaneDto>;

/**
 * `GET /api/v1/incidents/{id}/changes`: the changes to the services it hit in the two hours before
 * it started ([from, to], both included), newest first, every one (`total` counts them).
 */
export const IncidentChangesDto = z.strictObject({ from: InstantText, to: InstantText, services: z.array(z.string()), total: Count, changes: z.array(ChangeDto) });
export type IncidentChangesDto = z.infer<typeof IncidentChangesDto>;
