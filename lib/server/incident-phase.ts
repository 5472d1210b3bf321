import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// incidentPhase (lib/domain/incident-lifecycle.ts) as the database reads it: a list, a count or a
// join cannot call the domain function per row. Scheduled maintenance has its planned start and
// end in startedAt and resolvedAt, so "ongoing" is a comparison with the clock, never
// "resolvedAt IS NULL" alone. Every read of ongoing, upcoming or over incidents uses these.

export const ongoingWhere = (now: Date): Prisma.IncidentWhereInput => ({ AND: [{ startedAt: { lte: now } }, { OR: [{ resolvedAt: null }, { resolvedAt: { gt: now } }] }] });
export const upcomingWhere = (now: Date): Prisma.IncidentWhereInput => ({ startedAt: { gt: now } });
export const overWhere = (now: Date): Prisma.IncidentWhereInput => ({ resolvedAt: { lte: now } });

/** Incidents whose impact period overlaps [from, to) and has begun by `asOf`: what a window counts. */
export const overlapsWhere = (from: Date, to: Date, asOf: Date): Prisma.IncidentWhereInput => ({
  AND: [{ startedAt: { lt: to.getTime() < asOf.getTime() ? to : asOf } }, { OR: [{ resolvedAt: null }, { resolvedAt: { gt: from } }] }],
});

/**
 * The same in raw SQL, on the alias of a table with the incident's startedAt and resolvedAt
 * columns (named `start` / `end`), ongoing at the database's clock (columns hold UTC).
 */
export const ongoingSql = (alias: string, start = "startedAt", end = "resolvedAt"): string =>
  `${alias}."${start}" <= (now() AT TIME ZONE 'UTC') AND (${alias}."${end}" IS NULL OR ${alias}."${end}" > (now() AT TIME ZONE 'UTC'))`;
