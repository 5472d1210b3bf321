// Response schemas of the probes API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { PROBE_METHODS } from "@/lib/domain/probes";
import { Count, InstantText, NextCursor, Total } from "./common";

export const ProbeDto = z.strictObject({
  id: z.string(),
  service: z.strictObject({ slug: z.string(), name: z.string() }),
  url: z.string(),
  method: z.enum(PROBE_METHODS),
  intervalSeconds: z.int(),
  timeoutSeconds: z.int(),
  expectedStatus: z.string(),
  expectText: z.string().nullable(),
  failuresToOpen: z.int(),
  enabled: z.boolean(),
  allowPrivate: z.boolean(),
  /** up / down by its last run; unknown when it has not run within its interval (or is disabled). */
  state: z.enum(["up", "down", "unknown"]),
  lastRun: z.strictObject({ at: InstantText, ok: z.boolean(), status: z.int().nullable(), latencyMs: z.number(), error: z.string().nullable() }).nullable(),
  consecutiveFailures: Count,
  openIncident: z.strictObject({ id: z.string(), reference: z.string() }).nullable(),
  nextRunAt: InstantText,
  /** What the probe saw over the last 24 hours: time nobody watched is unknown, not down. Null where not read (the service page's summary). */
  last24h: z.strictObject({ upSeconds: z.number(), downSeconds: z.number(), unknownSeconds: z.number(), uptime: z.number().nullable() }).nullable(),
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type ProbeDto = z.infer<typeof ProbeDto>;

/** `GET /api/v1/services/{slug}/probes`: every probe of the service. */
export const ProbeListDto = z.strictObject({ probes: z.array(ProbeDto) });
export type ProbeListDto = z.infer<typeof ProbeListDto>;

/** `lagMs`: how late the run started after it was due (the scheduler's lag). */
export const ProbeRunDto = z.strictObject({
  id: z.string(),
  at: InstantText,
  scheduledAt: InstantText,
  lagMs: z.number(),
  ok: z.boolean(),
  status: z.int().nullable(),
  latencyMs: z.number(),
  textMatched: z.boolean().nullable(),
  error: z.string().nullable(),
});
export type ProbeRunDto = z.infer<typeof ProbeRunDto>;

/** `GET /api/v1/probes/{id}/runs`: one page, newest first, and how many runs are kept. */
export const ProbeRunListDto = z.strictObject({ runs: z.array(ProbeRunDto), nextCursor: NextCursor, total: Total });
export type ProbeRunListDto = z.infer<typeof ProbeRunListDto>;

export const ReconcileDto = z.strictObject({
  service: z.string(),
  window: z.strictObject({ label: z.string(), from: InstantText, to: InstantText }),
  probes: Count,
  /** What the probes saw (all of the service's probes: down when any was down). */
  probe: z.strictObject({ upSeconds: z.number(), downSeconds: z.number(), unknownSeconds: z.number() }),
  /** What the incident record says: the engine's downtime of unplanned incidents in the window. */
  incidentDowntimeSeconds: z.number(),
  disagreements: z.array(z.strictObject({ from: InstantText, to: InstantText, seconds: z.number(), kind: z.enum(["probe_only", "incident_only"]) })),
});
export type ReconcileDto = z.infer<typeof ReconcileDto>;
