import "server-only";
import type { ActionItemDto, ActionItemListDto } from "@/lib/dto/action-items";
import { completionAfter, incidentReference, isOverdue, riskReference, todayIn } from "@/lib/domain";
import { parseRiskReference } from "@/lib/domain/risk-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActionItemInput, ActionItemListQuery, ActionItemUpdate } from "@/lib/schemas/action-item";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { NotFoundError, ValidationError } from "./errors";
import { resolveIncidentId } from "./incident-ref";
import { organisationTimeZone } from "./availability-data";
import { versionedEdit } from "./versioned";

const include = {
  incident: { select: { id: true, number: true, title: true } },
  risk: { select: { id: true, number: true, title: true } },
} satisfies Prisma.ActionItemInclude;
type Row = Prisma.ActionItemGetPayload<{ include: typeof include }>;

const dateText = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const dateValue = (text: string) => new Date(`${text}T00:00:00.000Z`);

function toDto(row: Row, today: string): ActionItemDto {
  const dueDate = dateText(row.dueDate);
  return {
    id: row.id,
    title: row.title,
    owner: row.owner,
    dueDate,
    status: row.status,
    overdue: isOverdue({ status: row.status, dueDate }, today),
    incident: row.incident ? { id: row.incident.id, reference: incidentReference(row.incident.number), title: row.incident.title } : null,
    risk: row.risk ? { id: row.risk.id, reference: riskReference(row.risk.number), title: row.risk.title } : null,
    completedAt: row.completedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const today = async () => todayIn(await organisationTimeZone(), Date.now());

/** A risk by id or reference (RISK-12), as people name it; null when there is none. */
async function riskOf(ref: string, tx: Tx | typeof prisma = prisma): Promise<string | null> {
  const number = parseRiskReference(ref);
  const risk = await tx.risk.findUnique({ where: number === null ? { id: ref } : { number }, select: { id: true } });
  return risk?.id ?? null;
}

async function riskId(tx: Tx, ref: string): Promise<string> {
  const id = await riskOf(ref, tx);
  if (id === null) throw ValidationError.field("risk", `No risk is '${ref}'`);
  return id;
}

/** The incident a reference names; only "there is none" is the caller's mistake, a failed read is not. */
async function incidentOf(ref: string, tx: Tx | typeof prisma = prisma): Promise<string | null> {
  try {
    return await resolveIncidentId(ref, tx);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

async function links(tx: Tx, input: { incident?: string | null; risk?: string | null }) {
  const incidentId = input.incident === undefined || input.incident === null ? input.incident : await incidentOf(input.incident, tx);
  if (incidentId === null && input.incident) throw ValidationError.field("incident", `No incident is '${input.incident}'`);
  return {
    incidentId,
    riskId: input.risk === undefined ? undefined : input.risk === null ? null : await riskId(tx, input.risk),
  };
}

export type ActionItemFilter = Omit<ActionItemListQuery, "cursor" | "limit">;

/** The filters of GET /api/v1/action-items as a Prisma where; the list and its counts share it. */
async function actionItemWhere(q: ActionItemFilter, day: string): Promise<Prisma.ActionItemWhereInput> {
  const and: Prisma.ActionItemWhereInput[] = [];
  if (q.status?.length) and.push({ status: { in: q.status } });
  if (q.owner !== undefined) and.push({ owner: { equals: q.owner, mode: "insensitive" } });
  if (q.overdue === true) and.push({ status: "open", dueDate: { lt: dateValue(day) } });
  if (q.overdue === false) and.push({ OR: [{ status: { not: "open" } }, { dueDate: null }, { dueDate: { gte: dateValue(day) } }] });
  // An incident that does not exist has no action items: the filter matches nothing.
  if (q.incident !== undefined) and.push({ incidentId: (await incidentOf(q.incident)) ?? { in: [] } });
  if (q.risk !== undefined) and.push({ riskId: (await riskOf(q.risk)) ?? { in: [] } });
  if (q.service !== undefined) {
    // A filter value that names nothing is the caller's mistake, not an empty list.
    if (!(await prisma.service.findUnique({ where: { slug: q.service }, select: { id: true } }))) throw ValidationError.field("service", `No service has the slug '${q.service}'`);
    and.push({ OR: [{ incident: { impacts: { some: { service: { slug: q.service } } } } }, { risk: { service: { slug: q.service } } }] });
  }
  if (q.dueAfter !== undefined) and.push({ dueDate: { gte: dateValue(q.dueAfter) } });
  if (q.dueBefore !== undefined) and.push({ dueDate: { lte: dateValue(q.dueBefore) } });
  if (q.dueDate === "none") and.push({ dueDate: null });
  return { AND: and };
}

/** Every owner named on an action item, for the page's owner filter, by name (people, not items: a short list). */
export async function actionItemOwners(): Promise<string[]> {
  const rows = await prisma.actionItem.findMany({ where: { owner: { not: "" } }, distinct: ["owner"], select: { owner: true }, orderBy: { owner: "asc" } });
  return rows.map((r) => r.owner);
}

/** How many action items match: what every count a person reads of them is. */
export async function countActionItems(q: ActionItemFilter): Promise<number> {
  return prisma.actionItem.count({ where: await actionItemWhere(q, await today()) });
}

/** Open first, earliest due first (overdue ones lead), undated after; cursor paging by id; `total` = every match. */
export async function listActionItems(q: ActionItemListQuery): Promise<ActionItemListDto> {
  const limit = q.limit ?? 100;
  const day = await today();
  const where = await actionItemWhere(q, day);
  // Prisma would page from a cursor that names no item as if from the start: refuse it instead.
  if (q.cursor && (!/^[\w-]{1,64}$/.test(q.cursor) || !(await prisma.actionItem.findUnique({ where: { id: q.cursor }, select: { id: true } })))) throw ValidationError.field("cursor", "Not a cursor this API returned");
  const [rows, total] = await Promise.all([
    prisma.actionItem.findMany({
      where,
      include,
      orderBy: [{ status: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: limit + 1,
      ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    }),
    prisma.actionItem.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  return { actionItems: page.map((r) => toDto(r, day)), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null, total };
}

export async function getActionItem(id: string): Promise<ActionItemDto> {
  const row = await prisma.actionItem.findUnique({ where: { id }, include });
  if (!row) throw new NotFoundError("Action item", id);
  return toDto(row, await today());
}

export async function actionItemsOf(filter: { incidentId?: string; riskId?: string }): Promise<ActionItemDto[]> {
  const [rows, day] = await Promise.all([
    prisma.actionItem.findMany({ where: filter, include, orderBy: [{ status: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }] }),
    today(),
  ]);
  return rows.map((r) => toDto(r, day));
}

export async function createActionItem(actor: Actor, input: ActionItemInput): Promise<ActionItemDto> {
  const day = await today();
  return prisma.$transaction(async (tx) => {
    const { incidentId, riskId } = await links(tx, input);
    const status = input.status ?? "open";
    const row = await tx.actionItem.create({
      data: {
        title: input.title,
        owner: input.owner ?? "",
        dueDate: input.dueDate ? dateValue(input.dueDate) : null,
        status,
        completedAt: completionAfter("open", status, null, new Date()),
        incidentId: incidentId ?? null,
        riskId: riskId ?? null,
      },
      include,
    });
    const dto = toDto(row, day);
    await recordAudit(tx, actor, { action: "create", entityType: "action_item", entityId: row.id, after: dto });
    return dto;
  });
}

export async function updateActionItem(actor: Actor, id: string, input: ActionItemUpdate): Promise<ActionItemDto> {
  const day = await today();
  return prisma.$transaction(async (tx) => {
    const before = await tx.actionItem.findUnique({ where: { id }, include });
    if (!before) throw new NotFoundError("Action item", id);
    const edit = await versionedEdit(tx, { entity: "action item", audit: { entityType: "action_item", entityId: id }, storedVersion: async () => (await tx.actionItem.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    const { incidentId, riskId } = await links(tx, input);
    const status = input.status ?? before.status;
    await edit.write(({ version }) => tx.actionItem.updateMany({
      where: { id, version },
      data: {
        title: input.title,
        owner: input.owner,
        dueDate: input.dueDate === undefined ? undefined : input.dueDate === null ? null : dateValue(input.dueDate),
        status,
        completedAt: completionAfter(before.status, status, before.completedAt, new Date()),
        incidentId,
        riskId,
        version: { increment: 1 },
      },
    }));
    const after = toDto(await tx.actionItem.findUniqueOrThrow({ where: { id }, include }), day);
    await recordAudit(tx, actor, { action: "update", entityType: "action_item", entityId: id, before: toDto(before, day), after });
    return after;
  });
}

export async function deleteActionItem(actor: Actor, id: string): Promise<{ deleted: true; id: string }> {
  const day = await today();
  return prisma.$transaction(async (tx) => {
    const row = await tx.actionItem.findUnique({ where: { id }, include });
    if (!row) throw new NotFoundError("Action item", id);
    await tx.actionItem.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "delete", entityType: "action_item", entityId: id, before: toDto(row, day) });
    return { deleted: true, id };
  });
}

/**
 * The weekly review's action items: due in the week (days in the organisation's zone, whatever
 * their status), or still open and due before it (overdue by then). Earliest due first; all of
 * them, as the review is the week's record.
 */
export async function actionItemsForWeek(firstDay: string, lastDay: string): Promise<ActionItemDto[]> {
  const [rows, day] = await Promise.all([
    prisma.actionItem.findMany({
      where: { OR: [{ dueDate: { gte: dateValue(firstDay), lte: dateValue(lastDay) } }, { status: "open", dueDate: { lt: dateValue(firstDay) } }] },
      include,
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    }),
    today(),
  ]);
  return rows.map((r) => toDto(r, day));
}

/**
 * Action items marked done in [from, to), oldest first: every one (a period report's record). With
 * `serviceIds`, those whose incident hit one of the services or whose risk is of one of them.
 */
export async function actionItemsClosedIn(from: Date, to: Date, serviceIds: string[] | null): Promise<ActionItemDto[]> {
  const scoped: Prisma.ActionItemWhereInput = serviceIds === null ? {} : { OR: [{ incident: { impacts: { some: { serviceId: { in: serviceIds } } } } }, { risk: { serviceId: { in: serviceIds } } }] };
  const [rows, day] = await Promise.all([
    prisma.actionItem.findMany({ where: { AND: [{ status: "done", completedAt: { gte: from, lt: to } }, scoped] }, include, orderBy: [{ completedAt: "asc" }, { id: "asc" }] }),
    today(),
  ]);
  return rows.map((r) => toDto(r, day));
}
