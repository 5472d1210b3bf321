// Response schemas of the integrations API (settings without their secrets) and of the webhooks,
// with their types.
import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";

/** `GET/PATCH /api/v1/integrations`. */
export const IntegrationsDto = z.strictObject({
  alertmanager: z.strictObject({ serviceLabel: z.string(), severityLabel: z.string(), severityMap: z.record(z.string(), z.enum(SEVERITIES)) }),
  pagerduty: z.strictObject({ secretConfigured: z.boolean(), services: z.record(z.string(), z.string()) }),
  /** The SMTP server email channels send through (its password is never shown); null: none set. */
  smtp: z.strictObject({ host: z.string(), port: z.int(), secure: z.boolean(), user: z.string().nullable(), passwordConfigured: z.boolean(), from: z.string() }).nullable(),
  version: z.int(),
});
export type IntegrationsDto = z.infer<typeof IntegrationsDto>;

const IncidentRef = z.strictObject({ id: z.string(), reference: z.string() });

/** `POST /api/v1/integrations/alertmanager`. */
export const AlertmanagerResultDto = z.strictObject({
  /** The incident the group opened or joined; null when no alert named a known service. */
  incident: IncidentRef.nullable(),
  /** Whether this notification changed anything (a repeat changes nothing). */
  changed: z.boolean(),
  /** Values of the service label that name no active service: those alerts are left out. */
  unknownServices: z.array(z.string()),
});
export type AlertmanagerResultDto = z.infer<typeof AlertmanagerResultDto>;

/** `POST /api/v1/integrations/pagerduty`. */
export const PagerDutyResultDto = z.strictObject({
  incident: IncidentRef.nullable(),
  changed: z.boolean(),
  /** Why the event changed nothing on purpose (a type Nines does not take, a repeat…), or null. */
  ignored: z.string().nullable(),
});
export type PagerDutyResultDto = z.infer<typeof PagerDutyResultDto>;
