import "server-only";
import type pg from "pg";
import { publicIncidentTitle } from "@/lib/domain/notification-message";
import { componentDayUptime, componentState, overallState, uptimeOverDays } from "@/lib/domain/status-page";
import type { PublicIncidentDto, StatusSnapshotDto } from "@/lib/dto/status-page";
import { organisationTimeZone } from "./availability-data";
import { seriesOfServices } from "./availability";
import { pool, prisma } from "./db";
import { isDatabaseUnavailable } from "./db-errors";
import { ongoingWhere, overWhere, upcomingWhere } from "./incident-phase";
import { databaseAnswers } from "./db-probe";
import { componentsOf, statusPageRow } from "./status-page";

// The public status page is served from a snapshot (docs/decisions/0026-status-page-snapshot.md):
// built once, shared by every request of this process, and built again after anything it shows
// changes (PostgreSQL notifies every process on commit: LISTEN nines_status) or a minute passes
// (today's bar grows). While PostgreSQL is away the last snapshot is served, with its time.

export const STATUS_DAYS = 90;
const MAX_AGE_MS = 60_000;
/** How long a request waits for a rebuild before it is served the snapshot before it. */
const REBUILD_WAIT_MS = 1_500;
const HISTORY_LIMIT = 50;
const SCHEDULED_LIMIT = 20;
const UPDATES_PER_INCIDENT = 20;

/** `until`: the next instant the clock alone changes what it shows (a maintenance starts or ends). */
type Built = { snapshot: StatusSnapshotDto | null; builtAt: number; generation: number; until: number };
type State = { cached: Built | null; generation: number; listener: pg.PoolClient | null; connecting: boolean; building: { generation: number; done: Promise<Built> } | null };
const g = globalThis as unknown as { __ninesStatus?: State };
const state = (g.__ninesStatus ??= { cached: null, generation: 0, listener: null, connecting: false, building: null });

/** Listens for changes; until it listens (and whenever it stops), every snapshot counts as stale. */
function listen(): void {
  if (state.listener || state.connecting) return;
  state.connecting = true;
  void pool()
    .connect()
    .then(async (client) => {
      const drop = () => {
        if (state.listener !== client) return;
        state.listener = null;
        state.generation += 1;
        client.release(true);
      };
      client.on("notification", () => (state.generation += 1));
      client.on("error", drop);
      client.on("end", drop);
      try {
        await client.query("LISTEN nines_status");
      } catch {
        client.release(true);
        return;
      }
      state.listener = client;
      state.generation += 1; // what changed before we listened is unknown
    })
    .catch(() => {})
    .finally(() => (state.connecting = false));
}

const isFresh = (b: Built, now: number): boolean => state.listener !== null && b.generation === state.generation && now - b.builtAt < MAX_AGE_MS && now < b.until;

/**
 * The status page as its readers see it now (null: the page is off), and whether it is an older
 * one kept while the database does not answer.
 */
export async function statusSnapshot(now = Date.now()): Promise<{ snapshot: StatusSnapshotDto | null; stale: boolean }> {
  listen();
  const kept = state.cached;
  if (kept && isFresh(kept, now)) return { snapshot: kept.snapshot, stale: false };
  if (kept && !(await databaseAnswers())) return { snapshot: kept.snapshot, stale: true };
  try {
    // A build that began before the latest notice may have missed it: begin another.
    if (!state.building || state.building.generation !== state.generation) {
      const entry = { generation: state.generation, done: build(now).finally(() => state.building === entry && (state.building = null)) };
      state.building = entry;
    }
    const building = state.building.done;
    if (!kept) return { snapshot: (await building).snapshot, stale: false };
    // A busy page does not wait long on a rebuild: past a moment, readers get the snapshot before
    // it while it completes (a change then shows a moment later, never not at all).
    building.catch(() => {});
    const built = await Promise.race([building, new Promise<null>((resolve) => setTimeout(resolve, REBUILD_WAIT_MS, null).unref())]);
    return { snapshot: (built ?? kept).snapshot, stale: false };
  } catch (err) {
    if (kept && isDatabaseUnavailable(err)) return { snapshot: kept.snapshot, stale: true };
    throw err;
  }
}

async function build(now: number): Promise<Built> {
  const generation = state.generation;
  const snapshot = await buildSnapshot(now);
  const built = { snapshot, builtAt: now, generation, until: snapshot ? nextTurn(snapshot, now) : Number.POSITIVE_INFINITY };
  if (!state.cached || state.cached.generation <= generation) state.cached = built;
  return built;
}

/** The soonest planned start or end after `now` among what the snapshot shows. */
function nextTurn(s: StatusSnapshotDto, now: number): number {
  const times = [...s.scheduled.map((i) => i.startedAt), ...s.ongoing.map((i) => i.plannedEnd)].flatMap((t) => (t === null ? [] : [Date.parse(t)])).filter((t) => t > now);
  return times.length ? Math.min(...times) : Number.POSITIVE_INFINITY;
}

/** Reads what the page shows: only public names, public titles and updates marked public. */
export async function buildSnapshot(now: number): Promise<StatusSnapshotDto | null> {
  const row = await statusPageRow();
  if (!row.enabled) return null;
  const components = componentsOf(row);
  const ids = [...new Set(components.flatMap((c) => c.serviceIds))];
  const [services, timeZone, ongoingImpacts] = await Promise.all([
    prisma.service.findMany({ where: { id: { in: ids }, archivedAt: null }, select: { id: true, slug: true } }),
    organisationTimeZone(),
    // Impacts active now, of incidents ongoing now (a resolution a few seconds ahead is over).
    prisma.impact.findMany({ where: { serviceId: { in: ids }, effectiveStart: { lte: new Date(now) }, OR: [{ effectiveEnd: null }, { effectiveEnd: { gt: new Date(now) } }], incident: ongoingWhere(new Date(now)) }, select: { serviceId: true, fraction: true, kind: true } }),
  ]);
  const slugOf = new Map(services.map((s) => [s.id, s.slug]));
  const series = await seriesOfServices([...slugOf.values()], { bucket: "day", count: STATUS_DAYS, asOf: new Date(now) });
  const daysBySlug = new Map(series.flatMap((s) => ("entries" in s ? [[s.service.slug, s.entries] as const] : [])));
  const dayLabels = (series.find((s) => "entries" in s) as { entries: { label: string }[] } | undefined)?.entries.map((e) => e.label.replace(/^day:/, "")) ?? [];

  const componentRows = components.map((c) => {
    const live = c.serviceIds.filter((id) => slugOf.has(id));
    const days = dayLabels.map((date, i) => ({ date, uptime: componentDayUptime(live.map((id) => daysBySlug.get(slugOf.get(id) as string)?.[i]?.availability ?? null)) }));
    return { name: c.name, state: componentState(ongoingImpacts.filter((i) => live.includes(i.serviceId))), uptime: uptimeOverDays(days.map((d) => d.uptime)), days };
  });

  const namesOf = (serviceIds: string[]) => components.filter((c) => c.serviceIds.some((id) => serviceIds.includes(id))).map((c) => c.name);
  const select = {
    id: true, publicTitle: true, kind: true, status: true, startedAt: true, resolvedAt: true,
    impacts: { select: { serviceId: true } },
    timeline: { where: { public: true }, orderBy: { at: "desc" as const }, take: UPDATES_PER_INCIDENT, select: { at: true, message: true } },
  };
  const touching = { impacts: { some: { serviceId: { in: ids } } } };
  const at = new Date(now);
  const [ongoing, history, scheduled] = await Promise.all([
    prisma.incident.findMany({ where: { AND: [touching, ongoingWhere(at)] }, orderBy: { startedAt: "desc" }, select }),
    prisma.incident.findMany({ where: { AND: [touching, overWhere(at), { resolvedAt: { gte: new Date(now - STATUS_DAYS * 86_400_000) } }] }, orderBy: { resolvedAt: "desc" }, take: HISTORY_LIMIT, select }),
    prisma.incident.findMany({ where: { AND: [touching, upcomingWhere(at), { kind: "maintenance" }] }, orderBy: { startedAt: "asc" }, take: SCHEDULED_LIMIT, select }),
  ]);
  const toPublic = (i: (typeof ongoing)[number]): PublicIncidentDto => {
    const names = namesOf(i.impacts.map((x) => x.serviceId));
    return {
      id: i.id,
      title: publicIncidentTitle({ publicTitle: i.publicTitle, kind: i.kind, services: names.map((name) => ({ id: name, name, tierId: null })) }),
      kind: i.kind,
      status: i.status,
      startedAt: i.startedAt.toISOString(),
      resolvedAt: i.resolvedAt && i.resolvedAt.getTime() <= now ? i.resolvedAt.toISOString() : null,
      plannedEnd: i.status === "scheduled" && i.resolvedAt && i.resolvedAt.getTime() > now ? i.resolvedAt.toISOString() : null,
      components: names,
      updates: i.timeline.map((t) => ({ at: t.at.toISOString(), message: t.message })),
    };
  };
  return {
    title: row.title,
    generatedAt: new Date(now).toISOString(),
    timeZone,
    state: overallState(componentRows.map((c) => c.state)),
    components: componentRows,
    ongoing: ongoing.map(toPublic),
    history: history.map(toPublic),
    scheduled: scheduled.map(toPublic),
  };
}
