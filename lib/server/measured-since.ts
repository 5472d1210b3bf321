import "server-only";
import { formatZonedDateTime, localDateOf, measuredSinceFor } from "@/lib/domain";
import { formatCivilDate } from "@/lib/domain/civil-date";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import type { prisma, Tx } from "./db";
import { ValidationError } from "./errors";
import { getServiceIn } from "./services";

/** One impact as logged: its service and the instant it starts (its own start, else the incident's). */
export type ImpactStart = { service: string; start: Date; where: string };

/**
 * An incident logged or imported by a person that starts before a service's measuredSince would
 * not count there (docs/domain.md "Measured since"). Without `move` that is refused with an offer
 * (a 400 on `moveMeasuredSince` saying what moving would do); with it, each such service's
 * measuredSince moves back to the start of the earliest such incident's day in the organisation's
 * zone, audited as an edit of the service. Integrations do not call this: what they report before
 * it stays unmeasured (decision 0018).
 */
export async function offerMeasuredSince(tx: Tx, actor: Actor, starts: ImpactStart[], move: boolean): Promise<void> {
  const early = await startsBeforeMeasured(tx, starts);
  if (early.length === 0) return;
  if (!move) throw new ValidationError(early.map((e) => ({ path: "moveMeasuredSince", message: e.message })), "The incident starts before a service is measured");
  await moveMeasuredSinceBack(tx, actor, early);
}

export type EarlyStart = { slug: string; id: string; since: Date; earliest: ImpactStart; message: string; timeZone: string };

/** Per service, the earliest of these starts that lies before its measuredSince, with the offer in words. */
export async function startsBeforeMeasured(tx: Tx | typeof prisma, starts: ImpactStart[]): Promise<EarlyStart[]> {
  if (starts.length === 0) return [];
  const slugs = [...new Set(starts.map((s) => s.service))];
  const services = await tx.service.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, name: true, measuredSince: true } });
  const early = new Map<string, { id: string; name: string; since: Date; earliest: ImpactStart }>();
  for (const start of starts) {
    const service = services.find((s) => s.slug === start.service);
    if (!service || start.start.getTime() >= service.measuredSince.getTime()) continue;
    const seen = early.get(service.slug);
    if (!seen || start.start < seen.earliest.start) early.set(service.slug, { id: service.id, name: service.name, since: service.measuredSince, earliest: start });
  }
  if (early.size === 0) return [];
  const settings = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  const zone = settings?.timeZone ?? "UTC";
  return [...early.entries()].map(([slug, e]) => ({
    slug,
    id: e.id,
    since: e.since,
    earliest: e.earliest,
    timeZone: zone,
    message:
      `${e.earliest.where} starts ${formatZonedDateTime(e.earliest.start.getTime(), zone)} (${zone}), before ${e.name} is measured (since ${formatZonedDateTime(e.since.getTime(), zone)}), so it would not count there. ` +
      `Send moveMeasuredSince: true to measure ${slug} from ${formatCivilDate(localDateOf(e.earliest.start.getTime(), zone))} (${zone}).`,
  }));
}

/** Each service's measuredSince back to the start of its earliest early start's day, audited as an edit. */
export async function moveMeasuredSinceBack(tx: Tx, actor: Actor, early: EarlyStart[]): Promise<void> {
  for (const e of early) {
    const at = measuredSinceFor(e.earliest.start.getTime(), e.since.getTime(), e.timeZone);
    if (at === null) continue;
    const before = await getServiceIn(tx, e.slug);
    await tx.service.update({ where: { id: e.id }, data: { measuredSince: new Date(at), version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "update", entityType: "service", entityId: e.id, before, after: await getServiceIn(tx, e.slug) });
  }
}
