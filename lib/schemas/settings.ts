import { z } from "zod";
import { INCIDENT_ROLE_PATTERN, MAX_INCIDENT_ROLES, MAX_ROLE_KEY_LENGTH } from "@/lib/domain/incident-roles";
import { Name, TimeZone, Version } from "./common";
import { RiskCadenceUpdate } from "./risk";

const RetentionDays = z.number({ error: "Must be a number of days" }).int({ error: "Must be whole days" }).min(1, { error: "Must be at least 1 day" }).max(3660, { error: "Must be at most 3660 days" });

/** A probe's hours outlive its runs (they are what is read once the runs are gone). */
export function hourRetentionIssue(runDays: number, hourDays: number): string | null {
  return hourDays < runDays ? `Must be at least the days runs are kept (${runDays})` : null;
}

export const SettingsUpdate = z.strictObject({
  timeZone: TimeZone.optional(),
  name: Name.optional(),
  riskThreshold: z
    .number({ error: "Must be a number between 0 and 1" })
    .gt(0, { error: "Must be above 0" })
    .max(1, { error: "Must be at most 1" })
    .optional(),
  /** Days between reviews per level; the levels not given keep theirs. */
  riskReviewCadence: RiskCadenceUpdate.partial().optional(),
  /** Serve /metrics without a token. */
  metricsPublic: z.boolean({ error: "Must be true or false" }).optional(),
  /** Days of probe runs kept; older runs are deleted (their hours stay). */
  probeRetentionDays: RetentionDays.optional(),
  /** Days a probe's hours are kept (at least as long as its runs); older ones are deleted. */
  probeHourRetentionDays: RetentionDays.optional(),
  /** The incident roles people are assigned (commander...), in the order pages list them. */
  incidentRoles: z
    .array(
      z
        .string({ error: "Must be a role name" })
        .trim()
        .max(MAX_ROLE_KEY_LENGTH, { error: `Must be at most ${MAX_ROLE_KEY_LENGTH} characters` })
        .regex(INCIDENT_ROLE_PATTERN, { error: "Use lowercase letters and digits, words joined by _, e.g. tech_lead" }),
      { error: "Must be a list of role names" },
    )
    .max(MAX_INCIDENT_ROLES, { error: `At most ${MAX_INCIDENT_ROLES} roles` })
    .superRefine((roles, ctx) => {
      roles.forEach((r, i) => {
        if (roles.indexOf(r) !== i) ctx.addIssue({ code: "custom", path: [i], message: `${r} is listed twice` });
      });
    })
    .optional(),
  // Required: an edit without the version it was based on would silently overwrite another.
  version: Version,
}).superRefine((s, ctx) => {
  const issue = s.probeRetentionDays !== undefined && s.probeHourRetentionDays !== undefined ? hourRetentionIssue(s.probeRetentionDays, s.probeHourRetentionDays) : null;
  if (issue) ctx.addIssue({ code: "custom", path: ["probeHourRetentionDays"], message: issue });
});
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;
