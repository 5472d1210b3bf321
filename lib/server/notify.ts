import "server-only";
import { incidentReference, type IncidentKind, type IncidentStatus, type Severity } from "@/lib/domain/incident-lifecycle";
import { notificationMessage, type IncidentFacts, type NotificationEvent } from "@/lib/domain/notification-message";
import { subscriptionMatches, type Audience, type EventScope } from "@/lib/domain/notifications";
import { reportScopeKey } from "@/lib/domain/report-period";
import type { Prisma, StatusPage } from "@/lib/generated/prisma/client";
import { StoredNotificationMessage } from "@/lib/schemas/stored";
import type { Tx } from "./db";
import { componentsOf, statusPageRow } from "./status-page";

// The outbox's writer (docs/decisions/0025-notification-outbox.md). Every change that people are
// to hear of calls `emit` inside its own transaction: the deliveries commit with the change or not
// at all, so nothing is announced that did not happen and nothing that happened goes unannounced.
// The scheduler (notification-scheduler.ts) sends them.

/** Links in messages point here (the app's public URL). */
export const baseUrl = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");

function scopeOf(event: NotificationEvent): EventScope {
  if (event.type === "review.closed") return { services: [], severity: null, public: false };
  if (event.type === "policy.frozen" || event.type === "policy.thawed") return { services: [event.freeze.service], severity: null, public: false };
  if (event.type === "report.month" || event.type === "report.quarter" || event.type === "report.year") {
    const { kind, id } = event.report.scope;
    return { services: [], severity: null, public: false, report: reportScopeKey(kind === "org" ? { kind } : { kind, id: id ?? "" }) };
  }
  if (event.type === "slo.burn_state" || event.type === "slo.budget_exhausted") return { services: [event.slo.service], severity: null, public: false };
  if (event.type === "risk.review_due") return { services: event.risk.services, severity: null, public: false };
  return { services: event.incident.services, severity: event.incident.severity, public: event.type === "incident.updated" ? event.update.public : true };
}

/**
 * The event as readers outside the team may read it: an incident's services under the status
 * page's component names (a service no component lists is not named at all).
 */
async function publicView(tx: Tx, event: NotificationEvent, page?: StatusPage): Promise<NotificationEvent> {
  if (!("incident" in event)) return event;
  const components = componentsOf(page ?? (await statusPageRow(tx)));
  const ids = new Set(event.incident.services.map((s) => s.id));
  const names = components.filter((c) => c.serviceIds.some((id) => ids.has(id))).map((c) => ({ id: c.name, name: c.name, tierId: null }));
  return { ...event, incident: { ...event.incident, services: names } };
}

/** Writes one delivery per channel that a matching subscription names and whose audience may hear it; returns how many. */
export async function emit(tx: Tx, event: NotificationEvent): Promise<number> {
  const scope = scopeOf(event);
  const subscriptions = await tx.subscription.findMany({ where: { events: { has: event.type } }, include: { channels: { include: { channel: { select: { id: true, audience: true, type: true } } } } } });
  const channels = new Map<string, { audience: Audience; email: boolean }>();
  for (const s of subscriptions) {
    if (!subscriptionMatches(s, event.type, scope)) continue;
    for (const { channel } of s.channels) channels.set(channel.id, { audience: channel.audience === "public" ? "public" : "internal", email: channel.type === "email" });
  }
  const rows: Prisma.DeliveryCreateManyInput[] = [];
  const outside = [...channels.values()].some((c) => c.audience === "public") ? await publicView(tx, event) : event;
  for (const [channelId, { audience, email }] of channels) {
    // Only an email channel's message carries a report's PDF; the others link to it.
    const message = notificationMessage(audience === "public" ? outside : event, audience, baseUrl(), email);
    if (message) rows.push({ channelId, event: event.type, message: StoredNotificationMessage.write(message) as Prisma.InputJsonObject });
  }
  if (rows.length) await tx.delivery.createMany({ data: rows });
  const subscribers = await emitToSubscribers(tx, event);
  // A probe's incident, opened or resolved by the probe, is also news of its own kind.
  const probe = (event.type === "incident.declared" || event.type === "incident.resolved") && event.byProbe === true;
  const more = probe ? await emit(tx, { type: "probe.incident", at: event.at, incident: event.incident, opened: event.type === "incident.declared" }) : 0;
  return rows.length + subscribers + more;
}

/** What the status page's subscribers hear: an incident on its components declared, its public updates, its end. */
const FOR_SUBSCRIBERS = new Set<NotificationEvent["type"]>(["incident.declared", "incident.updated", "incident.resolved"]);

async function emitToSubscribers(tx: Tx, event: NotificationEvent): Promise<number> {
  if (!FOR_SUBSCRIBERS.has(event.type) || !("incident" in event)) return 0;
  const page = await statusPageRow(tx);
  if (!page.enabled) return 0;
  const outside = await publicView(tx, event, page);
  if (!("incident" in outside) || outside.incident.services.length === 0) return 0; // on no component
  const message = notificationMessage(outside, "public", baseUrl());
  if (!message) return 0; // an internal update
  const subscribers = await tx.statusSubscriber.findMany({ where: { confirmedAt: { not: null } }, select: { id: true } });
  const written = StoredNotificationMessage.write(message) as Prisma.InputJsonObject;
  for (let i = 0; i < subscribers.length; i += 5_000) {
    await tx.delivery.createMany({ data: subscribers.slice(i, i + 5_000).map((s) => ({ subscriberId: s.id, event: event.type, message: written })) });
  }
  return subscribers.length;
}

/** The incident as messages describe it, read in the transaction that changed it. */
export async function incidentFacts(tx: Tx, incidentId: string): Promise<IncidentFacts> {
  const row = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: { number: true, title: true, publicTitle: true, severity: true, kind: true, status: true, startedAt: true, resolvedAt: true, source: true, impacts: { select: { service: { select: { id: true, name: true, tierId: true } } }, orderBy: { service: { name: "asc" } } } },
  });
  return {
    reference: incidentReference(row.number),
    title: row.title,
    publicTitle: row.publicTitle,
    severity: row.severity as Severity,
    kind: row.kind as IncidentKind,
    status: row.status as IncidentStatus,
    services: row.impacts.map((i) => i.service),
    startedAt: row.startedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    source: row.source,
  };
}
