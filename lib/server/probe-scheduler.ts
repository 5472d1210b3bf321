import "server-only";
import { hourFloor } from "@/lib/domain/probe-hours";
import { afterRun, parseStatusRange, runSucceeded, type ProbeMethod } from "@/lib/domain/probes";
import { incidentReference } from "@/lib/domain/incident-lifecycle";
import type { Actor } from "./auth/actor";
import { pool, prisma } from "./db";
import { addTimelineEvent, createIncident } from "./incidents-write";
import { runCheck } from "./probe-check";
import { keepProbeHistory } from "./probe-rollup";
import { onceAMinute, startClaimLoop, type ClaimLoop } from "./claim-loop";

// The app's one probe scheduler. Every process may run it: each tick claims the probes that are
// due in ONE statement (FOR UPDATE SKIP LOCKED, moving their next run forward), so two processes
// never claim the same run, and a process that dies leaves nothing locked. Checks run
// concurrently (bounded), off the event loop's critical path: they are I/O, never CPU-bound.

type Claimed = {
  id: string;
  scheduled: Date;
  url: string;
  method: ProbeMethod;
  timeoutSeconds: number;
  expectedStatus: string;
  expectText: string | null;
  failuresToOpen: number;
  allowPrivate: boolean;
  createdById: string;
  serviceSlug: string;
  serviceName: string;
};

const CLAIM_SQL = `
  WITH due AS (
    SELECT id, "nextRunAt" AS scheduled FROM "Probe"
     WHERE enabled AND "nextRunAt" <= now()
     ORDER BY "nextRunAt" LIMIT $1
     FOR UPDATE SKIP LOCKED
  )
  UPDATE "Probe" p
     SET "nextRunAt" = CASE WHEN due.scheduled + make_interval(secs => p."intervalSeconds") > now()
                            THEN due.scheduled + make_interval(secs => p."intervalSeconds")
                            ELSE now() + make_interval(secs => p."intervalSeconds") END
    FROM due, "Service" s
   WHERE p.id = due.id AND s.id = p."serviceId"
  RETURNING p.id, due.scheduled, p.url, p.method::text AS method, p."timeoutSeconds", p."expectedStatus", p."expectText",
            p."failuresToOpen", p."allowPrivate", p."createdById", s.slug AS "serviceSlug", s.name AS "serviceName"`;

/** Claims up to `limit` due probes; their next run is moved one interval on (or from now, if far behind). */
export async function claimDueProbes(limit: number): Promise<Claimed[]> {
  const { rows } = await pool().query<Claimed>(CLAIM_SQL, [limit]);
  return rows;
}

async function probeActor(userId: string, probeId: string): Promise<Actor> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  return { kind: "token", userId, label: `probe:${probeId}`, role: "editor", name: user?.name ?? "Probe", email: user?.email ?? "" };
}

/** Runs one claimed probe and records what it found; opens or resolves its incident when due. */
export async function runClaimed(p: Claimed): Promise<void> {
  const at = new Date();
  const outcome = await runCheck({ url: p.url, method: p.method, timeoutSeconds: p.timeoutSeconds, expectText: p.expectText, allowPrivate: p.allowPrivate });
  const range = parseStatusRange(p.expectedStatus) ?? { min: 200, max: 299 };
  const ok = runSucceeded(outcome, range);
  const next = await prisma.$transaction(async (tx) => {
    const [probe] = await tx.$queryRaw<{ consecutiveFailures: number; firstFailureAt: Date | null; openIncidentId: string | null; rolledTo: Date | null }[]>`
      SELECT "consecutiveFailures", "firstFailureAt", "openIncidentId", "rolledTo" FROM "Probe" WHERE id = ${p.id} FOR UPDATE`;
    if (!probe) return null; // deleted meanwhile
    await tx.probeRun.create({ data: { probeId: p.id, at, scheduledAt: p.scheduled, ok, status: outcome.status, latencyMs: outcome.latencyMs, textMatched: outcome.textMatched, error: outcome.error ?? (ok ? null : outcome.textMatched === false ? "text_missing" : "status") } });
    const state = afterRun({ consecutiveFailures: probe.consecutiveFailures, firstFailureAt: probe.firstFailureAt?.getTime() ?? null, incidentOpen: probe.openIncidentId !== null }, { at: at.getTime(), ok }, p.failuresToOpen);
    await tx.probe.update({
      where: { id: p.id },
      data: {
        lastRunAt: at,
        lastOk: ok,
        lastStatus: outcome.status,
        lastLatencyMs: outcome.latencyMs,
        lastError: outcome.error,
        consecutiveFailures: state.consecutiveFailures,
        firstFailureAt: state.firstFailureAt === null ? null : new Date(state.firstFailureAt),
        ...(state.resolve ? { openIncidentId: null } : {}),
        // Written after its hour was kept (a run that took longer than the rollup's grace): that
        // hour is rolled up again, and read from the runs meanwhile.
        ...(probe.rolledTo && at < probe.rolledTo ? { rolledTo: new Date(hourFloor(at.getTime())) } : {}),
      },
    });
    return { ...state, incidentId: probe.openIncidentId };
  });
  if (!next) return;
  if (next.open) await openIncident(p, next.open.startedAt, at);
  if (next.resolve && next.incidentId) await resolveIncident(p, next.incidentId, next.resolve.at);
}

async function openIncident(p: Claimed, startedAt: number, detectedAt: Date): Promise<void> {
  const actor = await probeActor(p.createdById, p.id);
  const incident = await createIncident(actor, {
    title: `${p.serviceName} failing its probe (${new URL(p.url).host})`,
    severity: "SEV2",
    kind: "unplanned",
    startedAt: new Date(startedAt),
    detectedAt,
    summary: `Opened by the probe of ${p.url} after ${p.failuresToOpen} failed runs in a row; the service is taken as fully down from the first failed run.`,
    source: "probe",
    externalId: `${p.id}:${startedAt}`,
    impacts: [{ service: p.serviceSlug, fraction: 1 }],
  }, { offer: false }).catch(async (err: unknown) => {
    // Already opened for this failure (a retry after a crash): take that one.
    const existing = await prisma.incident.findUnique({ where: { source_externalId: { source: "probe", externalId: `${p.id}:${startedAt}` } }, select: { id: true } });
    if (existing) return { id: existing.id };
    throw err;
  });
  await prisma.probe.update({ where: { id: p.id }, data: { openIncidentId: incident.id } });
}

async function resolveIncident(p: Claimed, incidentId: string, at: number): Promise<void> {
  const actor = await probeActor(p.createdById, p.id);
  const row = await prisma.incident.findUnique({ where: { id: incidentId }, select: { number: true, resolvedAt: true } });
  if (!row || row.resolvedAt) return; // deleted, or resolved by hand already
  await addTimelineEvent(actor, incidentReference(row.number), { type: "resolved", at: new Date(at), message: `The probe of ${p.url} succeeded again.` });
}

/** Keeps every closed hour of the probes' runs, and deletes runs and hours past their retention; returns the runs deleted. */
export async function pruneRuns(): Promise<number> {
  return (await keepProbeHistory()).runsDeleted;
}

export type SchedulerHandle = ClaimLoop;

/**
 * Starts ticking: every `tickMs` (250 ms) claim what is due and run it (at most `concurrency` at once in
 * this process). Every few minutes the closed hours of the runs are kept (ProbeDay), and old runs
 * and hours deleted past their retention settings.
 */
export function startProbeScheduler(opts: { tickMs?: number; concurrency?: number; log?: (m: string) => void } = {}): SchedulerHandle {
  const log = opts.log ?? onceAMinute("probes", (m) => m.replace(/probe \S+/, "probe"));
  // Beside the ticks, not in one: after an upgrade (or a long stop) a pass has months of runs to
  // roll up, and the probes must keep running meanwhile. One pass at a time; stop() waits for it.
  let keeping: Promise<void> | null = null;
  const keep = () => {
    keeping ??= pruneRuns().then(
      () => undefined,
      (err: unknown) => log(`keeping probe hours failed: ${err instanceof Error ? err.message : String(err)}`),
    ).finally(() => {
      keeping = null;
    });
    return Promise.resolve();
  };
  const loop = startClaimLoop({
    // A quarter second: a run starts at most that late for want of a tick (one cheap query each).
    tickMs: opts.tickMs ?? 250,
    concurrency: opts.concurrency ?? 200,
    log,
    claim: claimDueProbes,
    run: runClaimed,
    name: (p) => `probe ${p.id}`,
    housekeeping: { everyMs: 5 * 60_000, what: "keeping probe hours and pruning old runs", run: keep },
  });
  return {
    tick: loop.tick,
    stop: async () => {
      await loop.stop();
      await keeping;
    },
  };
}
