import "server-only";
import type { AuditEntityDto } from "@/lib/dto/audit";
import { incidentReference, parseIncidentReference } from "@/lib/domain/incident-lifecycle";
import { parseRiskReference, riskReference } from "@/lib/domain/risk-rules";
import { prisma } from "./db";
import { ValidationError } from "./errors";

type Event = { entityType: string; entityId: string; before: unknown; after: unknown };
type Named = Omit<AuditEntityDto, "id">;

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
const int = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : null);
const snapshotOf = (e: Event) => ((e.after ?? e.before) ?? {}) as Record<string, unknown>;

/**
 * What an event's snapshot says of its entity: the name it had then. Used where the entity is gone
 * (a deleted incident or token) and for the entities without a table of their own (settings).
 */
function fromSnapshot(e: Event): Named {
  const s = snapshotOf(e);
  switch (e.entityType) {
    case "incident": {
      const n = int(s.number);
      return { reference: n === null ? text(s.reference) : incidentReference(n), title: text(s.title) };
    }
    case "risk": {
      const n = int(s.number);
      return { reference: n === null ? text(s.reference) : riskReference(n), title: text(s.title) };
    }
    case "service":
      return { reference: text(s.slug), title: text(s.name) };
    case "review":
      return { reference: text(s.week), title: text(s.week) && `Review ${text(s.week)}` };
    case "settings":
    case "organisation":
      return { reference: null, title: "Organisation settings" };
    case "integrations":
      return { reference: null, title: "Integrations" };
    case "sign_in":
      // A refused sign-in of someone without an account: named by the address the provider sent.
      return { reference: text(s.subject), title: text(s.email) ?? text(s.subject) };
    case "slo": {
      const service = (s.service ?? {}) as Record<string, unknown>;
      return { reference: text(service.slug), title: text(s.name) && `SLO ${text(s.name)}` };
    }
    default:
      return { reference: null, title: text(s.title) ?? text(s.name) ?? text(s.email) ?? text(s.url) };
  }
}

/**
 * Each event's entity named as people name it: INC-42 and its title, RISK-7, a service's slug and
 * name, a review's week; references read in one query per entity type for the page, falling back
 * to the snapshot for an entity deleted since. A timeline entry is named by its incident.
 */
export async function nameAuditEntities(events: readonly Event[]): Promise<AuditEntityDto[]> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const timelineIncidents = [...new Set(events.filter((e) => e.entityType === "timeline_event").map((e) => text(snapshotOf(e).incidentId)).filter((id): id is string => id !== null))];
  const [incidents, risks, services, reviews, tiers, users, items, tokens, probes, slos] = await Promise.all([
    prisma.incident.findMany({ where: { id: { in: [...ids("incident"), ...timelineIncidents] } }, select: { id: true, number: true, title: true } }),
    prisma.risk.findMany({ where: { id: { in: ids("risk") } }, select: { id: true, number: true, title: true } }),
    prisma.service.findMany({ where: { id: { in: ids("service") } }, select: { id: true, slug: true, name: true } }),
    prisma.review.findMany({ where: { id: { in: ids("review") } }, select: { id: true, week: true } }),
    prisma.tier.findMany({ where: { id: { in: ids("tier") } }, select: { id: true, rank: true, name: true } }),
    prisma.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, name: true, email: true } }),
    prisma.actionItem.findMany({ where: { id: { in: ids("action_item") } }, select: { id: true, title: true } }),
    prisma.apiToken.findMany({ where: { id: { in: ids("api_token") } }, select: { id: true, name: true } }),
    prisma.probe.findMany({ where: { id: { in: ids("probe") } }, select: { id: true, url: true, service: { select: { slug: true } } } }),
    prisma.slo.findMany({ where: { id: { in: ids("slo") } }, select: { id: true, name: true, service: { select: { slug: true } } } }),
  ]);
  const known = new Map<string, Named>();
  const put = (type: string, id: string, named: Named) => known.set(`${type}:${id}`, named);
  for (const r of incidents) put("incident", r.id, { reference: incidentReference(r.number), title: r.title });
  for (const r of risks) put("risk", r.id, { reference: riskReference(r.number), title: r.title });
  for (const r of services) put("service", r.id, { reference: r.slug, title: r.name });
  for (const r of reviews) put("review", r.id, { reference: r.week, title: `Review ${r.week}` });
  for (const r of tiers) put("tier", r.id, { reference: `Tier ${r.rank}`, title: r.name });
  for (const r of users) put("user", r.id, { reference: r.email, title: r.name || r.email });
  for (const r of items) put("action_item", r.id, { reference: null, title: r.title });
  for (const r of tokens) put("api_token", r.id, { reference: null, title: r.name });
  for (const r of probes) put("probe", r.id, { reference: r.service.slug, title: r.url });
  for (const r of slos) put("slo", r.id, { reference: r.service.slug, title: `SLO ${r.name}` });
  return events.map((e) => {
    if (e.entityType === "timeline_event") {
      const incidentId = text(snapshotOf(e).incidentId);
      const incident = incidentId ? known.get(`incident:${incidentId}`) : undefined;
      return { id: e.entityId, reference: incident?.reference ?? null, title: incident ? `Timeline entry of ${incident.reference}` : "Timeline entry" };
    }
    // The reference as it is now (links must work); the title as the event recorded it, so a
    // rename reads as one ("Checkout" created, "Checkout v2" updated), else as it is now.
    const then = fromSnapshot(e);
    const now = known.get(`${e.entityType}:${e.entityId}`);
    return { id: e.entityId, reference: now?.reference ?? then.reference, title: then.title ?? now?.title ?? null };
  });
}

const WEEK = /^\d{4}-W\d{2}$/i;

/**
 * The entity an `entity` filter names, by its reference (INC-42, RISK-7, a review's week, a
 * service's slug) or its id: one that names nothing is a 400 naming the field, not an empty list.
 */
export async function resolveAuditEntity(ref: string): Promise<{ entityType: string; entityId: string }> {
  const incident = parseIncidentReference(ref);
  const risk = parseRiskReference(ref);
  const found =
    incident !== null
      ? await prisma.incident.findUnique({ where: { number: incident }, select: { id: true } }).then((r) => r && { entityType: "incident", entityId: r.id })
      : risk !== null
        ? await prisma.risk.findUnique({ where: { number: risk }, select: { id: true } }).then((r) => r && { entityType: "risk", entityId: r.id })
        : WEEK.test(ref)
          ? await prisma.review.findUnique({ where: { week: ref.toUpperCase() }, select: { id: true } }).then((r) => r && { entityType: "review", entityId: r.id })
          : await prisma.service.findUnique({ where: { slug: ref }, select: { id: true } }).then((r) => r && { entityType: "service", entityId: r.id });
  if (found) return found;
  // An id of anything the trail has recorded (a deleted incident's, a token's).
  const byId = await prisma.auditEvent.findFirst({ where: { entityId: ref }, select: { entityType: true, entityId: true } });
  if (byId) return byId;
  throw ValidationError.field("entity", `Nothing in the audit trail is called "${ref}": give an incident (INC-42), a risk (RISK-7), a review's week (2026-W48), a service's slug or an id`);
}
