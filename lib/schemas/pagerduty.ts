import { z } from "zod";
import { PlainString } from "./common";

// PagerDuty's v3 webhook payload: { event: { id, event_type, occurred_at, data } }. Only what Nines
// reads is checked; the rest passes through untouched.

const Instant = z.string({ error: "Must be an ISO 8601 instant" }).refine((s) => Number.isFinite(Date.parse(s)) && Date.parse(s) > 0, { error: "Must be an ISO 8601 instant" });

export const PagerDutyIncidentRef = z.object({ id: PlainString().min(1).max(100) });

export const PagerDutyEvent = z.object({
  event: z.object({
    id: PlainString("Required").min(1).max(200),
    event_type: PlainString("Required").min(1).max(100),
    occurred_at: Instant,
    data: z.record(z.string(), z.unknown(), { error: "Must be an object" }),
  }),
});
export type PagerDutyEvent = z.infer<typeof PagerDutyEvent>;

export const PagerDutyIncident = z.object({
  id: PlainString().min(1).max(100),
  title: PlainString().max(1000).default("PagerDuty incident"),
  created_at: Instant.optional(),
  urgency: PlainString().max(20).optional(),
  priority: z.object({ summary: PlainString().max(50).optional() }).nullish(),
  service: z.object({ id: PlainString().min(1).max(100), summary: PlainString().max(500).optional() }),
  html_url: PlainString().max(2000).optional(),
});

/** incident.annotated (a note) and incident.status_update_published (a message): the incident they belong to, and the text. */
export const PagerDutyNote = z.object({
  incident: PagerDutyIncidentRef,
  content: PlainString().max(10_000).optional(),
  message: PlainString().max(10_000).optional(),
});
