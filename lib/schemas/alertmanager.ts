import { z } from "zod";
import { PlainString } from "./common";

// Alertmanager's webhook payload, version 4, as it sends it. Label values are free text; instants
// are RFC 3339, and a firing alert's endsAt is the zero time "0001-01-01T00:00:00Z".

const Labels = z.record(z.string(), PlainString().max(1000, { error: "Must be at most 1000 characters" }), { error: "Must be an object of strings" });

export const AlertmanagerAlert = z.object({
  status: z.enum(["firing", "resolved"], { error: "Must be firing or resolved" }),
  labels: Labels,
  annotations: Labels.default({}),
  startsAt: z.string({ error: "Must be an RFC 3339 instant" }).refine((s) => Number.isFinite(Date.parse(s)), { error: "Must be an RFC 3339 instant" }),
  endsAt: z.string().refine((s) => Number.isFinite(Date.parse(s)), { error: "Must be an RFC 3339 instant" }).optional(),
  fingerprint: PlainString().max(200).optional(),
});

export const AlertmanagerPayload = z.object({
  version: z.literal("4", { error: "Must be version 4 of Alertmanager's webhook payload" }),
  groupKey: PlainString("Required").min(1, { error: "Required" }).max(2000),
  status: z.enum(["firing", "resolved"], { error: "Must be firing or resolved" }),
  alerts: z.array(AlertmanagerAlert, { error: "Must be a list of alerts" }).min(1, { error: "Name at least one alert" }).max(1000, { error: "At most 1000 alerts" }),
});
export type AlertmanagerPayload = z.infer<typeof AlertmanagerPayload>;

/** The receiver URL's options: which labels name the service and the severity. */
export const AlertmanagerOptions = z.strictObject({
  serviceLabel: PlainString().trim().min(1).max(100).optional(),
  severityLabel: PlainString().trim().min(1).max(100).optional(),
});
export type AlertmanagerOptions = z.infer<typeof AlertmanagerOptions>;

