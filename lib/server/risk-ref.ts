import "server-only";
import { parseRiskReference } from "@/lib/domain/risk-rules";
import { prisma, type Tx } from "./db";
import { NotFoundError } from "./errors";
import { riskInclude, type RiskRow } from "./risks-read";

/** A risk by its id or its reference (RISK-12), as links and people name it. */
export async function findRiskRow(ref: string, db: Tx | typeof prisma = prisma): Promise<RiskRow> {
  const number = parseRiskReference(ref);
  const row = await db.risk.findUnique({ where: number === null ? { id: ref } : { number }, include: riskInclude });
  if (!row) throw new NotFoundError("Risk", ref);
  return row;
}
