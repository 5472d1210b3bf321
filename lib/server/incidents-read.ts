import "server-only";
import type { IncidentDetailDto, IncidentDto, IncidentListDto, TimelineEventDto } from "@/lib/dto/incidents";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentListQuery } from "@/lib/schemas/incident";
import { TimelineEntryData } from "@/lib/schemas/stored";
import type { TimelineEventType } from "@/lib/generated/prisma/enums";
import { incidentPhase, incidentReference } from "@/lib/domain/incident-lifecycle";
import { isAcceptedInstant } from "@/lib/domain/instant-range";
import { actionItemsOf } from "./action-items";
import { lastChange } from "./audit";
import { prisma } from "./db";
import { resolveIncidentId } from "./incident-ref";
import { incidentCosts } from "./incident-costs";
import { NotFoundError, ValidationError } from "./errors";
import { ongoingSql, ongoingWhere, overWhere, upcomingWhere } from "./incident-phase";

export const incidentInclude = {
  impacts: { include: { service: { select: { slug: true, name: true } } }, orderBy: { service: { slug: "asc" } } },
  roles: { include: { user: { select: { id: true, name: true } } }, orderBy: { role: "asc" } },
} satisfies Prisma.IncidentInclude;
export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof incidentInclude }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** `now`: the instant its phase is read at (a request's time). */
export function toIncidentDto(row: IncidentRow, now = Date.now()): IncidentDto {
  const phase = incidentPhase(row, now);
  return {
    id: row.id,
    number: row.number,
    reference: incidentReference(row.number),
    title: row.title,
    publicTitle: row.publicTitle,
    severity: row.severity,
    kind: row.kind,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    detectedAt: iso(row.detectedAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    phase,
    ongoing: phase === "ongoing",
    summary: row.summary,
    rootCause: row.rootCause,
    postmortem: row.postmortem,
    source: row.source,
    externalId: row.externalId,
    impacts: row.impacts.map((i) => ({
      service: i.service.slug,
      serviceName: i.service.name,
      fraction: i.fraction,
      startedAt: iso(i.startedAt),
      endedAt: iso(i.endedAt),
    })),
    // A user's current name; a deleted account leaves the name it had when assigned.
    roles: row.roles.map((r) => ({ role: r.role, user: r.user, name: r.user?.name ?? r.name })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTimelineEventDto(e: { id: string; at: Date; type: TimelineEventType; message: string; data: unknown; authorName: string; public: boolean }): TimelineEventDto {
  const where = `Timeline entry ${e.id}`;
  return { id: e.id, at: e.at.toISOString(), type: e.type, message: e.message, data: e.data === null ? null : TimelineEntryData.read(e.data, where), author: e.authorName, public: e.public };
}

/** Everything the incident page shows, by id or reference. */
export async function getIncident(ref: string): Promise<IncidentDetailDto> {
  const id = await resolveIncidentId(ref);
  const row = await prisma.incident.findUnique({
    where: { id },
    include: { ...incidentInclude, timeline: { orderBy: [{ at: "asc" }, { createdAt: "asc" }] } },
  });
  if (!row) throw new NotFoundError("Incident", ref);
  const incident = toIncidentDto(row);
  const [costs, actionItems, change] = await Promise.all([incidentCosts(incident), actionItemsOf({ incidentId: id }), lastChange(prisma, "incident", id, row.version)]);
  return {
    ...incident,
    timeline: row.timeline.map(toTimelineEventDto),
    costs,
    actionItems,
    lastChange: change ? { changedBy: change.changedBy, changedAt: change.changedAt } : null,
  };
}

// Cursor = "<startedAt ms>.<id>" of the last row: stable under inserts, newest first.
function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  const match = /^(\d{1,15})\.([a-z0-9]{1,40})$/.exec(cursor);
  if (!match || !isAcceptedInstant(Number(match[1]))) throw ValidationError.field("cursor", "Not a cursor this API returned");
  return { startedAt: new Date(Number(match[1])), id: match[2] as string };
}

export type IncidentFilter = Omit<IncidentListQuery, "cursor" | "limit" | "format">;

/** The filters of GET /api/v1/incidents as a Prisma where; the list, its total and the export share it. */
export function incidentWhere(q: IncidentFilter): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [];
  if (q.service) and.push({ impacts: { some: { service: { slug: q.service } } } });
  if (q.tier) and.push({ impacts: { some: { service: { tier: q.tier } } } });
  if (q.severity?.length) and.push({ severity: { in: q.severity } });
  if (q.kind) and.push({ kind: q.kind });
  const now = new Date();
  if (q.status === "open") and.push(ongoingWhere(now));
  if (q.status === "resolved") and.push(overWhere(now));
  if (q.status === "upcoming") and.push(upcomingWhere(now));
  // A time range selects incidents whose impact period overlaps it.
  if (q.to) and.push({ startedAt: { lt: q.to } });
  if (q.from) and.push({ OR: [{ resolvedAt: null }, { resolvedAt: { gt: q.from } }] });
  return { AND: and };
}

/** How many incidents match: what every count a person reads of incidents is. */
export async function countIncidents(q: IncidentFilter): Promise<number> {
  return prisma.incident.count({ where: incidentWhere(q) });
}

/**
 * One page of rows after `cursor`, newest first (soonest first with `ascending`: maintenance still
 * to come), by keyset (startedAt, id): the list and the CSV export read through here, so each
 * page is one index range whatever the depth.
 */
export async function incidentRows(where: Prisma.IncidentWhereInput, cursor: string | undefined, limit: number, ascending = false): Promise<{ rows: IncidentRow[]; nextCursor: string | null }> {
  const after: Prisma.IncidentWhereInput[] = [];
  const beyond = ascending ? "gt" : "lt";
  if (cursor) {
    const c = decodeCursor(cursor);
    after.push({ OR: [{ startedAt: { [beyond]: c.startedAt } }, { startedAt: c.startedAt, id: { [beyond]: c.id } }] });
  }
  const direction = ascending ? "asc" : "desc";
  const rows = await prisma.incident.findMany({
    where: { AND: [where, ...after] },
    include: incidentInclude,
    orderBy: [{ startedAt: direction }, { id: direction }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? `${last.startedAt.getTime()}.${last.id}` : null };
}

/** A page of matching incidents, newest first (upcoming ones soonest first), with `total`: how many match in all. */
export async function listIncidents(q: IncidentListQuery): Promise<IncidentListDto> {
  const where = incidentWhere(q);
  const now = Date.now();
  const [page, total] = await Promise.all([incidentRows(where, q.cursor, q.limit ?? 50, q.status === "upcoming"), prisma.incident.count({ where })]);
  return { incidents: page.rows.map((r) => toIncidentDto(r, now)), nextCursor: page.nextCursor, total };
}

export type OngoingOfService = { total: number; latest: { reference: string; title: string; severity: string }[] };

/**
 * For each of these services, how many incidents hitting it are ongoing (a count, whatever their
 * number) and the `few` that started last: one grouped read for a page of the overview.
 */
export async function ongoingByService(slugs: string[], few = 3): Promise<Map<string, OngoingOfService>> {
  const out = new Map<string, OngoingOfService>();
  if (slugs.length === 0) return out;
  const rows = await prisma.$queryRaw<{ slug: string; number: number; title: string; severity: string; total: number }[]>`
    SELECT slug, number, title, severity, total FROM (
      SELECT s.slug, i.number, i.title, i.severity::text AS severity,
             count(*) OVER (PARTITION BY s.id)::int AS total,
             row_number() OVER (PARTITION BY s.id ORDER BY i."startedAt" DESC, i.id DESC) AS nth
        FROM "Impact" m
        JOIN "Incident" i ON i.id = m."incidentId"
        JOIN "Service" s ON s.id = m."serviceId"
       WHERE ${Prisma.raw(ongoingSql("i"))} AND s.slug = ANY(${slugs})
    ) ranked
    WHERE nth <= ${few}
    ORDER BY slug, nth`;
  for (const r of rows) {
    const entry = out.get(r.slug) ?? { total: r.total, latest: [] };
    entry.latest.push({ reference: incidentReference(r.number), title: r.title, severity: r.severity });
    out.set(r.slug, entry);
  }
  return out;
}
