// Response schemas of the status page: its settings (admin) and the public snapshot
// (/status.json), which carries only public names, public titles and public updates.
import { z } from "zod";
import { INCIDENT_STATUSES } from "@/lib/domain/incident-lifecycle";
import { COMPONENT_STATES } from "@/lib/domain/status-page";
import { DateText, InstantText } from "./common";

export const StatusPageSettingsDto = z.strictObject({
  enabled: z.boolean(),
  title: z.string(),
  components: z.array(z.strictObject({ name: z.string(), services: z.array(z.strictObject({ id: z.string(), slug: z.string(), name: z.string() })) })),
  /** Readers following the page: confirmed (email or webhook), and emails not confirmed yet. */
  subscribers: z.strictObject({ confirmed: z.int().nonnegative(), unconfirmed: z.int().nonnegative() }),
  version: z.int(),
  updatedAt: InstantText,
});
export type StatusPageSettingsDto = z.infer<typeof StatusPageSettingsDto>;

const State = z.enum(COMPONENT_STATES);

export const PublicIncidentDto = z.strictObject({
  id: z.string(),
  /** The incident's public title (never its internal one). */
  title: z.string(),
  kind: z.enum(["unplanned", "maintenance"]),
  status: z.enum(INCIDENT_STATUSES),
  /** For scheduled maintenance still to come, the planned start. */
  startedAt: InstantText,
  /** When it ended; null while it is ongoing or still to come. */
  resolvedAt: InstantText.nullable(),
  /** Scheduled maintenance's planned end while it is still to come or in progress; null otherwise or when not known. */
  plannedEnd: InstantText.nullable(),
  /** The components it touched (public names only). */
  components: z.array(z.string()),
  /** Updates marked public, newest first. */
  updates: z.array(z.strictObject({ at: InstantText, message: z.string() })),
});
export type PublicIncidentDto = z.infer<typeof PublicIncidentDto>;

/** `GET /status.json`: the status page as its readers see it, and when it was made. */
export const StatusSnapshotDto = z.strictObject({
  title: z.string(),
  generatedAt: InstantText,
  /** Days are cut in this zone. */
  timeZone: z.string(),
  state: State,
  components: z.array(
    z.strictObject({
      name: z.string(),
      state: State,
      /** Over the days shown; null: not measured. */
      uptime: z.number().nullable(),
      days: z.array(z.strictObject({ date: DateText, uptime: z.number().nullable() })),
    }),
  ),
  ongoing: z.array(PublicIncidentDto),
  /** Planned maintenance still to start, soonest first. */
  scheduled: z.array(PublicIncidentDto),
  /** Resolved in the days shown, newest first. */
  history: z.array(PublicIncidentDto),
});
export type StatusSnapshotDto = z.infer<typeof StatusSnapshotDto>;

/** `POST /status/subscribe` from a script: what happened. */
export const StatusSubscribedDto = z.strictObject({ kind: z.enum(["email", "webhook"]), state: z.enum(["confirmation_sent", "subscribed"]) });

/** Confirming or ending a subscription from a script: whether the link named one. */
export const SubscriptionLinkDto = z.strictObject({ done: z.boolean() });
