import { z } from "zod";
import { INCIDENT_KINDS, INCIDENT_STATUSES, SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { InstantText } from "./common";

/**
 * An incident as a period's record lists it (the weekly review, a period report): what it was, the
 * services it hit, and its times to detect and resolve as of the record's instant (a maintenance
 * whose planned end is still to come is unresolved). lib/server/incident-record.ts writes it.
 */
export const IncidentRecordDto = z.strictObject({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  kind: z.enum(INCIDENT_KINDS),
  status: z.enum(INCIDENT_STATUSES),
  services: z.array(z.string()),
  startedAt: InstantText,
  resolvedAt: InstantText.nullable(),
  ttdSeconds: z.number().nullable(),
  ttrSeconds: z.number().nullable(),
  postmortemWritten: z.boolean(),
});
export type IncidentRecordDto = z.infer<typeof IncidentRecordDto>;
