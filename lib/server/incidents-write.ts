import "server-only";
import { organisationTimeZoneIn } from "./availability-data";
import {
  copiesChanged,
  impactRowCopies,
  incidentIssues,
  incidentReference,
  statusAfterEdit,
  statusAfterMilestone,
  type IncidentCopy,
  type Milestone,
} from "@/lib/domain/incident-lifecycle";
import type { IncidentInput, IncidentUpdate, TimelineEventInput } from "@/lib/schemas/incident";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { versionedEdit } from "./versioned";
import { changeEntries, type HistoryEntry, type TimelineData } from "@/lib/domain/incident-history";
import { Prisma } from "@/lib/generated/prisma/client";
import { TimelineEntryData } from "@/lib/schemas/stored";
import { resolveIncidentId } from "./incident-ref";
import { incidentInclude, toIncidentDto, toTimelineEventDto, type IncidentRow } from "./incidents-read";
import type { IncidentDto, TimelineEventDto } from "@/lib/dto/incidents";
import { insertIncidents } from "./incidents-bulk";
import { heldRoles, writeRoles } from "./incident-roles";

/** The incident as the history compares it: with its roles. */
const historyState = (dto: IncidentDto) => ({ ...dto, holders: heldRoles(dto) });
import { offerMeasuredSince, type ImpactStart } from "./measured-since";
import { emit, incidentFacts } from "./notify";
import { incidentEditEvents } from "@/lib/domain/incident-notifications";
import { postmortemCheckAgain } from "@/lib/domain/budget-policy";

/** Each impact's start as logged: its own start, else the incident's. */
export function impactStarts(input: { startedAt: Date; impacts: { service: string; startedAt?: Date | null }[] }, where: string): ImpactStart[] {
  return input.impacts.map((i) => ({ service: i.service, start: i.startedAt ?? input.startedAt, where }));
}

type ImpactDraft = { service: string; fraction: number; startedAt?: Date | null; endedAt?: Date | null };

async function serviceIds(tx: Tx, impacts: ImpactDraft[]): Promise<string[]> {
  const rows = await tx.service.findMany({ where: { slug: { in: impacts.map((i) => i.service) } }, select: { id: true, slug: true } });
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const issues = impacts.flatMap((i, n) =>
    bySlug.has(i.service) ? [] : [{ path: `impacts.${n}.service`, message: `No service has slug '${i.service}'` }],
  );
  if (issues.length) throw new ValidationError(issues);
  return impacts.map((i) => bySlug.get(i.service) as string);
}

/** Writes the impact rows with their effective bounds and their copies of the incident. */
async function writeImpacts(tx: Tx, incident: IncidentCopy & { id: string }, impacts: ImpactDraft[]): Promise<void> {
  const ids = await serviceIds(tx, impacts);
  await tx.impact.deleteMany({ where: { incidentId: incident.id } });
  await tx.impact.createMany({
    data: impacts.map((i, n) => ({
      incidentId: incident.id,
      serviceId: ids[n] as string,
      fraction: i.fraction,
      startedAt: i.startedAt ?? null,
      endedAt: i.endedAt ?? null,
      ...impactRowCopies(incident, i),
    })),
  });
}

/** An incident's impacts as they are, to write them again. */
function draftsOf(row: IncidentRow): ImpactDraft[] {
  return row.impacts.map((i) => ({ service: i.service.slug, fraction: i.fraction, startedAt: i.startedAt, endedAt: i.endedAt }));
}

/** Entries Nines writes itself: data, no sentence (pages render it in their zone). */
async function writeTimeline(tx: Tx, incidentId: string, actor: Actor, entries: HistoryEntry[]): Promise<void> {
  if (!entries.length) return;
  await tx.timelineEvent.createMany({
    data: entries.map((e) => ({ incidentId, at: new Date(e.at), type: e.type, message: "", data: asJson(e.data), authorId: actor.userId, authorName: actor.name })),
  });
}

const asJson = (data: TimelineData) => TimelineEntryData.write(data) as Prisma.InputJsonObject;

function assertConsistent(incident: Parameters<typeof incidentIssues>[0], timeZone: string): void {
  const issues = incidentIssues(incident, timeZone, Date.now());
  if (issues.length) throw new ValidationError(issues);
}

async function assertUniqueExternal(tx: Tx, source: string | null | undefined, externalId: string | null | undefined, exceptId?: string) {
  if (!source || !externalId) return;
  const other = await tx.incident.findFirst({ where: { source, externalId, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { number: true } });
  if (other) {
    throw new ConflictError(`${incidentReference(other.number)} already has ${source} id '${externalId}'`, [{ path: "externalId", message: "already exists" }]);
  }
}

async function reload(tx: Tx, id: string): Promise<IncidentDto> {
  return toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id }, include: incidentInclude }));
}

/**
 * `offer`: a person logs it (the API, the form), so an impact before its service's measuredSince is
 * refused with the offer to move it back, or moved with moveMeasuredSince. An integration passes
 * false: what it reports before measuredSince is stored and stays unmeasured.
 */
export async function createIncident(actor: Actor, input: IncidentInput, opts: { offer: boolean } = { offer: true }): Promise<IncidentDto> {
  return prisma.$transaction(async (tx) => {
    if (opts.offer) await offerMeasuredSince(tx, actor, impactStarts(input, "The incident"), input.moveMeasuredSince === true);
    return insertIncident(tx, actor, input);
  });
}

/** createIncident inside the caller's transaction (a webhook marks its event processed in the same one). */
export async function insertIncident(tx: Tx, actor: Actor, input: IncidentInput): Promise<IncidentDto> {
  const [dto] = (await insertIncidents(tx, actor, [input])) as [IncidentDto];
  const incident = await incidentFacts(tx, dto.id);
  await emit(tx, { type: "incident.declared", at: dto.createdAt, incident, summary: dto.summary, byProbe: isProbe(actor) });
  // Logged after the fact: it is also over (scheduled maintenance's resolvedAt is still to come).
  if (dto.resolvedAt && (dto.status !== "scheduled" || Date.parse(dto.resolvedAt) <= Date.parse(dto.createdAt))) await emit(tx, { type: "incident.resolved", at: dto.createdAt, incident, byProbe: isProbe(actor) });
  return dto;
}

/** `ref`: the incident's id or reference (INC-42). */
export async function updateIncident(actor: Actor, ref: string, input: IncidentUpdate, opts: { offer: boolean } = { offer: true }): Promise<IncidentDto> {
  return prisma.$transaction(async (tx) => {
    const id = await resolveIncidentId(ref, tx);
    const beforeRow = await tx.incident.findUnique({ where: { id }, include: incidentInclude });
    if (!beforeRow) throw new NotFoundError("Incident", ref);
    const edit = await versionedEdit(tx, { entity: "incident", audit: { entityType: "incident", entityId: id }, storedVersion: async () => (await tx.incident.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, beforeRow.version, input.version);
    const before = toIncidentDto(beforeRow);
    const pick = <K extends keyof typeof beforeRow>(k: K, v: (typeof beforeRow)[K] | undefined) => (v === undefined ? beforeRow[k] : v);
    const merged = {
      kind: pick("kind", input.kind),
      startedAt: pick("startedAt", input.startedAt),
      detectedAt: pick("detectedAt", input.detectedAt),
      acknowledgedAt: pick("acknowledgedAt", input.acknowledgedAt),
      mitigatedAt: pick("mitigatedAt", input.mitigatedAt),
      resolvedAt: pick("resolvedAt", input.resolvedAt),
    };
    const status = statusAfterEdit({ requested: input.status, previous: beforeRow.status, wasResolved: beforeRow.resolvedAt !== null, ...merged });
    const impacts: ImpactDraft[] = input.impacts ?? draftsOf(beforeRow);
    assertConsistent({ ...merged, status, impacts }, await organisationTimeZoneIn(tx));
    // Only a change of when it started or of what it hit can move it before a measuredSince.
    if (opts.offer && (input.startedAt !== undefined || input.impacts !== undefined)) {
      await offerMeasuredSince(tx, actor, impactStarts({ startedAt: merged.startedAt, impacts }, incidentReference(beforeRow.number)), input.moveMeasuredSince === true);
    }
    await assertUniqueExternal(tx, pick("source", input.source), pick("externalId", input.externalId), id);
    const costInputs = (r: typeof merged, impactsChanged: boolean) => ({ kind: r.kind, startedAt: r.startedAt.getTime(), resolvedAt: r.resolvedAt?.getTime() ?? null, impactsChanged });
    // Then the policy evaluator checks it again for a required postmortem (policy-evaluator.ts).
    const checkAgain = postmortemCheckAgain(beforeRow.postmortemReason, costInputs(beforeRow, false), costInputs(merged, input.impacts !== undefined));
    await edit.write(({ version }) => tx.incident.updateMany({
      where: { id, version },
      data: {
        ...merged,
        status,
        title: input.title,
        severity: input.severity,
        summary: input.summary,
        publicTitle: input.publicTitle,
        rootCause: input.rootCause,
        postmortem: input.postmortem,
        source: input.source,
        externalId: input.externalId,
        ...(checkAgain ? { postmortemReason: null } : {}),
        version: { increment: 1 },
      },
    }));
    // Impact rows carry the incident's kind, milestones and title: rewrite them only when the
    // first two or the impacts themselves change; a new title is copied in place.
    const copied = { id, number: beforeRow.number, title: input.title ?? beforeRow.title, ...merged };
    if (input.impacts || copiesChanged(beforeRow, copied)) await writeImpacts(tx, copied, impacts);
    else if (copied.title !== beforeRow.title) await tx.impact.updateMany({ where: { incidentId: id }, data: { incidentTitle: copied.title } });
    if (input.roles) await writeRoles(tx, id, heldRoles(before), input.roles);
    const after = await reload(tx, id);
    const now = new Date().toISOString();
    await writeTimeline(tx, id, actor, changeEntries(historyState(before), historyState(after), now));
    const facts = await incidentFacts(tx, id);
    for (const event of incidentEditEvents(before, after, facts, now, actor.name)) await emit(tx, event);
    await recordAudit(tx, actor, { action: "update", entityType: "incident", entityId: id, before, after });
    return after;
  });
}

export async function deleteIncident(actor: Actor, ref: string): Promise<{ deleted: true; id: string }> {
  return prisma.$transaction(async (tx) => {
    const id = await resolveIncidentId(ref, tx);
    const row = await tx.incident.findUnique({ where: { id }, include: incidentInclude });
    if (!row) throw new NotFoundError("Incident", ref);
    await tx.incident.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "delete", entityType: "incident", entityId: id, before: toIncidentDto(row) });
    return { deleted: true, id };
  });
}

const EVENT_MILESTONE: Partial<Record<string, Milestone>> = { detected: "detectedAt", acknowledged: "acknowledgedAt", mitigated: "mitigatedAt", resolved: "resolvedAt" };

/**
 * Adds a timeline entry. A milestone entry (detected, acknowledged, mitigated, resolved) also sets
 * that milestone when it is still empty, so logging "resolved" while it happens ends the impact.
 */
/** An entry as the server's own callers (webhooks, probes) add it: internal unless they say. */
type EntryInput = Omit<TimelineEventInput, "public"> & { public?: boolean };

export async function addTimelineEvent(actor: Actor, ref: string, input: EntryInput): Promise<TimelineEventDto> {
  return prisma.$transaction((tx) => insertTimelineEvent(tx, actor, ref, input));
}

/** addTimelineEvent inside the caller's transaction (a webhook marks its event processed in the same one). */
export async function insertTimelineEvent(tx: Tx, actor: Actor, ref: string, input: EntryInput): Promise<TimelineEventDto> {
  const at = input.at ?? new Date();
  const milestone = EVENT_MILESTONE[input.type];
  const id = await resolveIncidentId(ref, tx);
  // One entry at a time per incident: their notifications are then written (and sent) in the order they commit.
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${id} FOR UPDATE`;
  const row = await tx.incident.findUnique({ where: { id }, include: incidentInclude });
  if (!row) throw new NotFoundError("Incident", ref);
  let data: TimelineData | null = null;
  let alsoChanged: HistoryEntry[] = [];
  // Finishing scheduled maintenance before its planned end ends it now (resolvedAt was the plan).
  const endsEarly = milestone === "resolvedAt" && row.status === "scheduled" && (row.resolvedAt === null || row.resolvedAt > at);
  if (milestone && (row[milestone] === null || endsEarly)) {
    data = { kind: "milestone", milestone, at: at.toISOString(), was: null };
    const before = toIncidentDto(row);
    const merged = { ...row, [milestone]: at };
    const status = statusAfterMilestone(milestone, row.status);
    const impacts = row.impacts.map((i) => ({ service: i.service.slug, startedAt: i.startedAt, endedAt: i.endedAt }));
    const issues = incidentIssues({ ...merged, status, impacts }, await organisationTimeZoneIn(tx), Date.now()).map((i) => (i.path === milestone ? { ...i, path: "at" } : i));
    if (issues.length) throw new ValidationError(issues);
    const updated = await tx.incident.update({ where: { id }, data: { [milestone]: at, status, version: { increment: 1 } } });
    // The impact rows carry the milestones (and resolving ends the impacts still open).
    if (copiesChanged(row, updated)) await writeImpacts(tx, updated, draftsOf(row));
    const after = await reload(tx, id);
    // The entry being added records the milestone; what else it changed (the status: mitigated
    // moves it to monitoring) gets entries of its own, at the milestone's instant.
    alsoChanged = changeEntries(before, after, at.toISOString()).filter((e) => !(e.data.kind === "milestone" && e.data.milestone === milestone));
    await recordAudit(tx, actor, { action: "update", entityType: "incident", entityId: id, before, after });
  }
  const event = await tx.timelineEvent.create({
    data: { incidentId: id, at, type: input.type, message: input.message, data: data ? asJson(data) : Prisma.DbNull, authorId: actor.userId, authorName: actor.name, public: input.public ?? false },
  });
  await writeTimeline(tx, id, actor, alsoChanged);
  await announceEntry(tx, id, input, milestone && data ? milestone : null, at.toISOString(), actor);
  const dto = toTimelineEventDto(event);
  await recordAudit(tx, actor, { action: "create", entityType: "timeline_event", entityId: event.id, after: { incidentId: id, ...dto } });
  return dto;
}

/** A probe's own writes (probe-scheduler.ts acts as `probe:<id>`). */
const isProbe = (actor: Actor) => actor.kind === "token" && actor.label.startsWith("probe:");

const ANNOUNCED_MILESTONES: Partial<Record<Milestone, "detected" | "acknowledged" | "mitigated">> = { detectedAt: "detected", acknowledgedAt: "acknowledged", mitigatedAt: "mitigated" };

/** What subscribers hear of a timeline entry: the milestone it set, or the update people typed. */
async function announceEntry(tx: Tx, incidentId: string, input: EntryInput, milestoneSet: Milestone | null, at: string, actor: Actor): Promise<void> {
  const author = actor.name;
  const incident = await incidentFacts(tx, incidentId);
  if (milestoneSet === "resolvedAt") await emit(tx, { type: "incident.resolved", at, incident, byProbe: isProbe(actor) });
  const milestone = milestoneSet ? ANNOUNCED_MILESTONES[milestoneSet] : undefined;
  if (milestone) await emit(tx, { type: "incident.milestone", at, incident, milestone });
  if (input.type === "update" || input.type === "note" || input.type === "status_change") {
    await emit(tx, { type: "incident.updated", at, incident, update: { message: input.message, public: input.public ?? false, author } });
  }
}
