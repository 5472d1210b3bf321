import "server-only";
import { parseIncidentReference } from "@/lib/domain/incident-lifecycle";
import { prisma, type Tx } from "./db";
import { NotFoundError } from "./errors";

/** An incident's id from its id or its reference (INC-42), as people and links name it. */
export async function resolveIncidentId(ref: string, db: Tx | typeof prisma = prisma): Promise<string> {
  const number = parseIncidentReference(ref);
  const row = number === null ? await db.incident.findUnique({ where: { id: ref }, select: { id: true } }) : await db.incident.findUnique({ where: { number }, select: { id: true } });
  if (!row) throw new NotFoundError("Incident", ref);
  return row.id;
}
