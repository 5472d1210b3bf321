import "server-only";
import { freezeLine } from "@/lib/domain/changes";
import { formatIsoInstant } from "@/lib/domain/window-labels";
import type { ChangeLaneDto, FreezePeriodDto } from "@/lib/dto/changes";
import type { SeriesQuery } from "@/lib/schemas/availability";
import { organisationTimeZone } from "./availability-data";
import { seriesWindows } from "./availability";
import { prisma } from "./db";
import { NotFoundError } from "./errors";
import { freezeFields, freezesOverlapping } from "./freezes";

/**
 * A lane beyond this many change marks is a comb no one can read or tab through; a service changed
 * that often in one range gets its latest ones (the most likely suspects), and the count of all.
 */
export const CHANGE_MARK_LIMIT = 300;

type FreezeRow = Parameters<typeof freezeFields>[0];

/** A stored freeze as of `asOf` (an end still to come then is no end yet), with its line in words. */
export function freezeDto(f: FreezeRow, timeZone: string, asOf: number): FreezePeriodDto {
  const period = { startedAt: f.startedAt.getTime(), endedAt: f.endedAt?.getTime() ?? null, recoversAt: f.recoversAt?.getTime() ?? null, liftedAt: f.liftedAt?.getTime() ?? null, liftedBy: f.liftedBy, liftReason: f.liftReason };
  return { ...freezeFields(f, asOf), text: freezeLine(period, timeZone, asOf) };
}

/**
 * The marks beside a service's trend: its changes within the series' range (the same query, the
 * same buckets) and the freezes that held in it. One read of each, by (serviceId, at) and
 * (serviceId, startedAt).
 */
export async function changeLane(slug: string, q: SeriesQuery, limit = CHANGE_MARK_LIMIT): Promise<ChangeLaneDto> {
  const [service, timeZone] = await Promise.all([prisma.service.findUnique({ where: { slug }, select: { id: true } }), organisationTimeZone()]);
  if (!service) throw new NotFoundError("Service", slug);
  const asOf = q.asOf?.getTime() ?? Date.now();
  const windows = seriesWindows(q, timeZone, asOf);
  const from = windows[0]?.from ?? asOf;
  const to = Math.min(windows.at(-1)?.to ?? asOf, asOf);
  const where = { serviceId: service.id, at: { gte: new Date(from), lte: new Date(to) } };
  const [latest, total, freezes] = await Promise.all([
    prisma.change.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit, select: { id: true, at: true, kind: true, summary: true, release: true, url: true } }),
    prisma.change.count({ where }),
    freezesOverlapping({ serviceId: service.id }, from, to, asOf),
  ]);
  return {
    asOf: formatIsoInstant(asOf),
    from: formatIsoInstant(from),
    to: formatIsoInstant(to),
    timeZone,
    total,
    changes: latest.reverse().map((c) => ({ id: c.id, at: c.at.toISOString(), kind: c.kind, summary: c.summary, release: c.release, url: c.url })),
    freezes: freezes.map((f) => freezeDto(f, timeZone, asOf)),
  };
}
