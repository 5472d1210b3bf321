import "server-only";
import type { NotificationEvent, SloFacts } from "@/lib/domain/notification-message";
import { riskLevel } from "@/lib/domain/risk-matrix";
import { riskReference } from "@/lib/domain/risk-rules";
import { reviewChangeIsNews, reviewWatch, sloChange, type ReviewWatch, type SloWatch } from "@/lib/domain/watch-states";
import type { SloAvailabilityDto } from "@/lib/dto/slos";
import { pool, prisma } from "./db";
import { evaluateReports } from "./report-notifications";
import { figuresWhere } from "./slo-availability";
import { moveState, storedStates } from "./watch-store";

// The evaluator of what time changes (docs/decisions/0025-notification-outbox.md): once a minute
// one process (the holder of a lease row) reads every SLO's figures, every open risk's review
// date and which report periods have ended (0036), compares each with the state stored in
// WatchState, and for each change moves the stored state and writes its notification in one
// transaction (watch-store.ts). The move is compare-and-set on the state
// it read, so a change is announced once even if two evaluators overlap, and a restart (which
// reads the stored states) announces nothing twice.

const LEASE_SQL = `
  INSERT INTO "WatchState" (key, state, "updatedAt") VALUES ($2, '{"kind":"lease","schemaVersion":1}', now() AT TIME ZONE 'UTC')
  ON CONFLICT (key) DO UPDATE SET "updatedAt" = now() AT TIME ZONE 'UTC' WHERE "WatchState"."updatedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $1)
  RETURNING key`;

/** Takes the turn named `key` ("lease:evaluator", "lease:policy") for the next `seconds` (false: another process has it). */
export async function takeLease(key: string, seconds: number): Promise<boolean> {
  return (await pool().query(LEASE_SQL, [seconds, key])).rowCount === 1;
}

/** Takes the evaluator's turn for the next `seconds` (false: another process has it). */
export const takeEvaluatorLease = (seconds: number) => takeLease("lease:evaluator", seconds);

function sloFacts(f: SloAvailabilityDto, service: { id: string; tierId: string }): SloFacts {
  return { id: f.slo.id, name: f.slo.name, service: { id: service.id, name: f.slo.service.name, slug: f.slo.service.slug, tierId: service.tierId }, target: f.slo.target, window: f.slo.window };
}

async function evaluateSlos(asOf: number): Promise<number> {
  const figures = await figuresWhere({ archivedAt: null, service: { archivedAt: null } }, { asOf: new Date(asOf) });
  const services = new Map((await prisma.service.findMany({ where: { slug: { in: [...new Set(figures.map((f) => f.slo.service.slug))] } }, select: { id: true, slug: true, tierId: true } })).map((s) => [s.slug, s]));
  const stored = await storedStates(figures.map((f) => `slo:${f.slo.id}`));
  let moved = 0;
  for (const f of figures) {
    const key = `slo:${f.slo.id}`;
    const previousState = stored.get(key) ?? null;
    const previousData = previousState?.data;
    const previous: SloWatch | null = previousData?.kind === "slo" ? { burn: previousData.burn, exhausted: previousData.exhausted } : null;
    const change = sloChange(previous, { burnState: f.burnState, remainingRatio: f.errorBudget?.remainingRatio ?? null });
    if (!change) continue;
    const at = new Date(asOf).toISOString();
    const service = services.get(f.slo.service.slug);
    if (!service) continue; // removed since the figures were read
    const slo = sloFacts(f, service);
    const remainingRatio = f.errorBudget?.remainingRatio ?? null;
    const events: NotificationEvent[] = [];
    if (change.burnChanged) events.push({ type: "slo.burn_state", at, slo, ...change.burnChanged, remainingRatio });
    if (change.exhausted) events.push({ type: "slo.budget_exhausted", at, slo, remainingRatio: remainingRatio ?? 0 });
    if (await moveState(key, previousState, { kind: "slo", ...change.next }, events)) moved += 1;
  }
  return moved;
}

async function evaluateRisks(now: number): Promise<number> {
  // Open risks with a review date, and those last seen due (closed, deleted or rescheduled since).
  const watched = await prisma.$queryRaw<{ key: string }[]>`SELECT key FROM "WatchState" WHERE key LIKE 'risk:%' AND state->>'review' <> 'not_due'`;
  const risks = await prisma.risk.findMany({
    where: { OR: [{ status: "open", reviewDueAt: { not: null } }, { id: { in: watched.map((w) => w.key.slice("risk:".length)) } }] },
    select: { id: true, number: true, title: true, currentScore: true, reviewDueAt: true, status: true, service: { select: { id: true, name: true, tierId: true } } },
  });
  const stored = await storedStates(risks.map((r) => `risk:${r.id}`));
  let moved = 0;
  for (const r of risks) {
    const key = `risk:${r.id}`;
    const previousState = stored.get(key) ?? null;
    const previousData = previousState?.data;
    const previous: ReviewWatch | null = previousData?.kind === "risk" ? previousData.review : null;
    const next = reviewWatch(r.reviewDueAt?.getTime() ?? null, r.status === "open", now);
    if (next === (previous ?? "not_due") && previousData) continue;
    if (next === "not_due" && !previousData) continue; // nothing to remember yet
    const events: NotificationEvent[] = reviewChangeIsNews(previous, next)
      ? [{ type: "risk.review_due", at: new Date(now).toISOString(), overdue: next === "overdue", risk: { reference: riskReference(r.number), title: r.title, level: riskLevel(r.currentScore), dueAt: r.reviewDueAt?.toISOString() ?? "", services: r.service ? [r.service] : [] } }]
      : [];
    if (await moveState(key, previousState, { kind: "risk", review: next }, events)) moved += 1;
  }
  return moved;
}

/**
 * One evaluation of every SLO, open risk and period report as of `now`; returns how many stored
 * states moved. Reports come last: the minute's burn states are not held up by a year's report.
 */
export async function evaluateOnce(now = Date.now()): Promise<{ slos: number; risks: number; reports: number }> {
  // Each part on its own, in this order: one that fails holds up none of the others, and the
  // failures are thrown together at the end (the caller logs them).
  const failures: unknown[] = [];
  const part = async (work: () => Promise<number>) => work().catch((err: unknown) => (failures.push(err), 0));
  const slos = await part(() => evaluateSlos(now));
  const risks = await part(() => evaluateRisks(now));
  const reports = await part(() => evaluateReports(now));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, failures.map((e) => (e instanceof Error ? e.message : String(e))).join("; "));
  return { slos, risks, reports };
}

export type EvaluatorHandle = { stop: () => Promise<void> };

/** Every `everyMs` (a minute), in whichever process holds the lease. */
export function startNotificationEvaluator(opts: { everyMs?: number; log?: (m: string) => void } = {}): EvaluatorHandle {
  const everyMs = opts.everyMs ?? 60_000;
  const log = opts.log ?? ((m: string) => console.error(`[notifications] ${m}`));
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let lastError = "";
  const run = async () => {
    if (!(await takeEvaluatorLease(Math.floor(everyMs / 1000) - 5))) return;
    await evaluateOnce();
  };
  let busy = false;
  const timer = setInterval(() => {
    // A run still going (a year's reports on a busy machine) is not joined by another.
    if (stopped || busy) return;
    busy = true;
    running = run().finally(() => (busy = false)).then(
      () => (lastError = ""),
      (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        if (message !== lastError) log(`evaluating burn states, reviews and reports failed: ${message}`);
        lastError = message;
      },
    );
  }, everyMs);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
