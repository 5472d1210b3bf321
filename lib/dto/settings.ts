// Response schemas of the settings API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { InstantText } from "./common";

const Days = z.int().positive();

export const SettingsDto = z.strictObject({
  name: z.string(),
  timeZone: z.string(),
  riskThreshold: z.number(),
  /** Days between risk reviews per level (CRITICAL 7, HIGH 14, MEDIUM 30, LOW 90 by default). */
  riskReviewCadence: z.strictObject({ CRITICAL: Days, HIGH: Days, MEDIUM: Days, LOW: Days }),
  /** /metrics answers without a token. */
  metricsPublic: z.boolean(),
  /** Days of probe runs kept (3 by default); a probe's SLOs keep the runs they need longer. */
  probeRetentionDays: z.int(),
  /** Days a probe's hours are kept (400 by default): what its figures, uptime and the reconcile view read once the runs are gone. */
  probeHourRetentionDays: z.int(),
  /** The incident roles (commander, communications, scribe by default), in the order pages list them. */
  incidentRoles: z.array(z.string()),
  version: z.int(),
  updatedAt: InstantText,
});
export type SettingsDto = z.infer<typeof SettingsDto>;
