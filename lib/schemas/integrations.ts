import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { PlainString, Slug, Version } from "./common";
import { SmtpSettings } from "./notification";

const LabelName = PlainString().trim().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { error: "Must be a Prometheus label name, e.g. service" }).max(100);
const PagerDutyId = PlainString().trim().regex(/^[A-Z0-9]{3,20}$/, { error: "Must be a PagerDuty service id, e.g. PF9KMXH" });

export const IntegrationsUpdate = z.strictObject({
  alertmanager: z
    .strictObject({
      serviceLabel: LabelName.optional(),
      severityLabel: LabelName.optional(),
      /** Severity label value → SEV1..SEV5 (lower case); replaces the default map (critical → SEV1 … info → SEV4). */
      severityMap: z.record(PlainString().trim().toLowerCase().min(1).max(50), z.enum(SEVERITIES, { error: "Must be SEV1, SEV2, SEV3, SEV4 or SEV5" }), { error: "Must map label values to SEV1..SEV5" }).optional(),
    })
    .optional(),
  pagerduty: z
    .strictObject({
      /** The webhook subscription's signing secret, from PagerDuty. Write-only: never shown again. */
      secret: PlainString().trim().min(16, { error: "Must be the signing secret PagerDuty shows (at least 16 characters)" }).max(200).nullish(),
      /** PagerDuty service id → Nines service slug. */
      services: z.record(PagerDutyId, Slug, { error: "Must map PagerDuty service ids to service slugs" }).optional(),
    })
    .optional(),
  /** The SMTP server email channels send through; null removes it. */
  smtp: SmtpSettings.nullable().optional(),
  version: Version,
});
export type IntegrationsUpdate = z.infer<typeof IntegrationsUpdate>;
