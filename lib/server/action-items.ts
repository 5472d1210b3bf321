import "server-only";
import type { ActionItemDto, ActionItemListDto } from "@/lib/dto/action-items";
import { completionAfter, incidentReference, isOverdue, riskReference, todayIn } from "@/lib/domain";
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

async function riskId(tx: Tx, ref: string): Promise<string> {
  const risk = await tx.risk.findUnique({ where: { id: ref }, select: { id: true } });
  if (!risk) throw ValidationError.field("risk", `No risk has id '${ref}'`);
  return risk.id;
}

async function links(tx: Tx, input: { incident?: string | null; risk?: string | null }) {
  return {
    incidentId: input.incident === undefined ? undefined : input.incident === null ? null : await resolveIncidentId(input.incident, tx).catch(() => {
      throw ValidationError.field("incident", `No incident is '${input.incident}'`);
    }),
    riskId: input.risk === undefined ? undefined : input.risk === null ? null : await riskId(tx, input.risk),
  };
}

/** Open first, earliest due first (overdue ones lead), undated after; cursor paging by id; and how many match. */
export async function listActionItems(q: ActionItemListQuery): Promise<ActionItemListDto> {
  const limit = q.limit ?? 100;
  const day = await today();
  const and: Prisma.ActionItemWhereInput[] = [];
  if (q.status?.length) and.push({ status: { in: q.status } });
  if (q.owner !== undefined) and.push({ owner: { equals: q.owner, mode: "insensitive" } });
  if (q.overdue === true) and.push({ status: "open", dueDate: { lt: dateValue(day) } });
  if (q.overdue === false) and.push({ OR: [{ status: { not: "open" } }, { dueDate: null }, { dueDate: { gte: dateValue(day) } }] });
  if (q.incident !== undefined) and.push({ incidentId: await resolveIncidentId(q.incident).catch(() => "none") });
  if (q.risk !== undefined) and.push({ riskId: q.risk });
  const [rows, total] = await Promise.all([
    prisma.actionItem.findMany({
      where: { AND: and },
      include,
      orderBy: [{ status: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: limit + 1,
      ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    }).catch((err: unknown) => {
      // A cursor naming no item (deleted meanwhile, or made up) is the client's mistake.
      if (q.cursor && (err as { code?: string }).code === "P2025") throw ValidationError.field("cursor", "Not a cursor this API returned");
      throw err;
    }),
    prisma.actionItem.count({ where: { AND: and } }),
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
 * their status), or still open and due before it (overdue by then). Earliest due first.
 */
export async function actionItemsForWeek(firstDay: string, lastDay: string): Promise<ActionItemDto[]> {
  const [rows, day] = await Promise.all([
    prisma.actionItem.findMany({
      where: { OR: [{ dueDate: { gte: dateValue(firstDay), lte: dateValue(lastDay) } }, { status: "open", dueDate: { lt: dateValue(firstDay) } }] },
      include,
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      take: 1000,
    }),
    today(),
  ]);
  return rows.map((r) => toDto(r, day));
}
