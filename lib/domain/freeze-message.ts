/**
 * The messages of a service's freeze (decision 0036): its error-budget policy froze it, or the
 * freeze ended (the budget recovered, or an admin lifted it early). For the team only: a public
 * channel never hears of budgets. Times are in the organisation's zone, named. Pure.
 */
import type { MessageFact, NotificationMessage } from "./notification-message";
import type { EventService } from "./notifications";
import { POLICY_STATE_LABELS, type PolicyState } from "./budget-policy";
import { formatZonedDateTime } from "./time-zone";

export type FreezeFacts = {
  id: string;
  service: EventService & { slug: string };
  startedAt: string;
  /** Each frozen SLO and why, as the freeze stored it. */
  reason: string;
  /** When it recovers if nothing more is spent; null: not known (a measured SLO, or burning alone). */
  recoversAt: string | null;
  /** The organisation's zone, for the times in words. */
  timeZone: string;
};

export type FreezeEvent =
  | { type: "policy.frozen"; at: string; freeze: FreezeFacts }
  | { type: "policy.thawed"; at: string; freeze: FreezeFacts; endedAt: string; state: PolicyState; lifted: { by: string; reason: string } | null };

const when = (iso: string, timeZone: string) => `${formatZonedDateTime(Date.parse(iso), timeZone)} ${timeZone}`;

export function freezeMessage(event: FreezeEvent, baseUrl: string): NotificationMessage {
  const f = event.freeze;
  const name = f.service.name;
  const common = { event: event.type, audience: "internal" as const, link: `${baseUrl}/services/${f.service.slug}`, reference: f.service.slug, occurredAt: event.at };
  const freeze = { id: f.id, startedAt: f.startedAt, reason: f.reason, recoversAt: f.recoversAt };
  const service = { slug: f.service.slug, name };
  if (event.type === "policy.frozen") {
    const recovers = f.recoversAt === null ? "not known: when its budget is back above the policy's threshold" : `${when(f.recoversAt, f.timeZone)}, if nothing more is spent`;
    const facts: MessageFact[] = [
      { label: "Service", value: name },
      { label: "Frozen since", value: when(f.startedAt, f.timeZone) },
      { label: "Recovers", value: recovers },
    ];
    return {
      ...common,
      title: `Frozen: ${name}`,
      text: `The error-budget policy froze changes to ${name}: until it recovers, only releases with a recorded exception pass the release gate.\n\nWhy: ${f.reason || "its budget is spent"}`,
      facts,
      data: { service, freeze },
    };
  }
  const facts: MessageFact[] = [
    { label: "Service", value: name },
    { label: "Frozen", value: `${when(f.startedAt, f.timeZone)} to ${when(event.endedAt, f.timeZone)}` },
    { label: "State now", value: POLICY_STATE_LABELS[event.state] },
  ];
  const data = { service, freeze: { ...freeze, endedAt: event.endedAt }, state: event.state, lifted: event.lifted };
  if (event.lifted) {
    return {
      ...common,
      title: `Freeze lifted early: ${name}`,
      text: `${event.lifted.by} lifted the freeze of ${name} before its budget recovered: changes may ship again. It is in caution now; it freezes again if another of its SLOs freezes, or one recovers and freezes anew.\n\nWhy: ${event.lifted.reason}`,
      facts: [...facts, { label: "Lifted by", value: event.lifted.by }],
      data,
    };
  }
  return { ...common, title: `Thawed: ${name}`, text: `The budget of ${name} recovered: the freeze has ended and changes may ship again.`, facts, data };
}
