import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// incidentPhase (lib/domain/incident-lifecycle.ts) as the database reads it: a list, a count or a
// join cannot call the domain function per row. Scheduled maintenance has its planned start and
// end in startedAt and resolvedAt, so "ongoing" is a comparison with the clock, never
// "resolvedAt IS NULL" alone. Every read of ongoing, upcoming or over incidents uses these.

export const ongoingWhere = (now: Date): Prisma.IncidentWhereInput => ({
  OR: [
    { status: { not: "scheduled" }, resolvedAt: null },
    { status: "scheduled", startedAt: { lte: now }, OR: [{ resolvedAt: null }, { resolvedAt: { gt: now } }] },
  ],
});
export const upcomingWhere = (now: Date): Prisma.IncidentWhereInput => ({ status: "scheduled", startedAt: { gt: now } });
export const overWhere = (now: Date): Prisma.IncidentWhereInput => ({
  OR: [
    { status: { not: "scheduled" }, resolvedAt: { not: null } },
    { status: "scheduled", resolvedAt: { lte: now } },
  ],
});

/** Incidents whose impact period overlaps [from, to) and has begun by `asOf`: what a window counts. */
export const overlapsWhere = (from: Date, to: Date, asOf: Date): Prisma.IncidentWhereInput => ({
  AND: [{ startedAt: { lt: to.getTime() < asOf.getTime() ? to : asOf } }, { OR: [{ resolvedAt: null }, { resolvedAt: { gt: from } }] }],
});

/** The same in raw SQL on the Incident alias `i`, ongoing at the database's clock (columns hold UTC). */
export const ongoingSql = (i: string): string => {
  const now = `(now() AT TIME ZONE 'UTC')`;
  return `((${i}."status" <> 'scheduled' AND ${i}."resolvedAt" IS NULL) OR (${i}."status" = 'scheduled' AND ${i}."startedAt" <= ${now} AND (${i}."resolvedAt" IS NULL OR ${i}."resolvedAt" > ${now})))`;
};
