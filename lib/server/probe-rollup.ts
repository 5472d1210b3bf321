import "server-only";
import { LONGEST_BURN_LOOKBACK } from "@/lib/domain/error-budget";
import { hoursByDay, packDay, unpackDay } from "@/lib/domain/probe-days";
import { coverageReachMs, DAY_MS, dayFloor, hourFloor, HOUR_MS, rollupHours } from "@/lib/domain/probe-hours";
import { currentWindowForSlo, parseSloWindow } from "@/lib/domain/windows";
import { StoredBudgeting, StoredSli } from "@/lib/schemas/stored";
import { pool, prisma, type Tx } from "./db";

// A probe's history kept so that it fits (docs/decisions/0030-probe-history-that-fits.md): each
// closed UTC hour of its runs is kept in its day's ProbeDay row soon after it closes; the runs are
// deleted after probeRetentionDays (longer where the probe's SLOs need them), the day rows after
// probeHourRetentionDays. One probe at a time, each step in a transaction that holds its row
// (FOR UPDATE), so every process may run this at once and each hour is written once.

/** An hour is rolled up this long after it closes: a run is written at most its timeout (60 s at most) after it starts. */
export const ROLLUP_GRACE_MS = 2 * 60_000;
/** At most this much of a probe's runs rolled up per transaction (a year of runs after an upgrade: a day at a time). */
const SPAN_MS = DAY_MS;

const AT = (param: string) => `(timestamp 'epoch' + ${param} * interval '1 millisecond')`;
const EPOCH_MS = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

type Needs = { thresholds: number[]; keepFrom: number | null };

/** What each probe's SLOs need of it: every latency threshold (archived SLOs too), and how far back runs must stay. */
async function sloNeeds(now: number, timeZone: string): Promise<Map<string, Needs>> {
  const rows = await prisma.slo.findMany({ where: { sli: { path: ["source"], equals: "probe" } }, select: { id: true, sli: true, budgeting: true, window: true, archivedAt: true, service: { select: { tier: { select: { sloWindow: true } } } } } });
  const out = new Map<string, Needs>();
  for (const row of rows) {
    const sli = StoredSli.read(row.sli, `SLO ${row.id}`);
    if (sli.source !== "probe") continue;
    const needs = out.get(sli.probe) ?? { thresholds: [], keepFrom: null };
    out.set(sli.probe, needs);
    if (sli.kind === "latency" && sli.thresholdMs !== undefined) needs.thresholds.push(sli.thresholdMs);
    if (row.archivedAt !== null) continue;
    // Burn rates count back three days; a time-slice SLO counts its window's slices from the runs.
    let from = now - LONGEST_BURN_LOOKBACK;
    const window = parseSloWindow(row.window ?? row.service.tier.sloWindow);
    if (StoredBudgeting.read(row.budgeting, `SLO ${row.id}`).method === "timeslices" && window) from = Math.min(from, currentWindowForSlo(window, { timeZone, asOf: now }).from);
    needs.keepFrom = Math.min(needs.keepFrom ?? from, from);
  }
  return out;
}

/**
 * Rolls up every probe's closed hours, then deletes the runs and day rows past their retention.
 * Returns what it did; `now` for the demo, which writes months of runs at once.
 */
export async function keepProbeHistory(now = Date.now()): Promise<{ hours: number; runsDeleted: number; daysDeleted: number }> {
  const settings = await prisma.organizationSettings.findUnique({ where: { id: 1 }, select: { probeRetentionDays: true, probeHourRetentionDays: true, timeZone: true } });
  const runDays = settings?.probeRetentionDays ?? 3;
  const hourDays = Math.max(runDays, settings?.probeHourRetentionDays ?? 400);
  const closedTo = hourFloor(now - ROLLUP_GRACE_MS);
  const needs = await sloNeeds(now, settings?.timeZone ?? "UTC");
  for (const [id, need] of needs) await rewindForThresholds(id, need.thresholds);
  // Rolled up: the probes whose last closed hour is not kept yet (or never rolled up, with a run
  // in a closed hour). Pruned: every one rolled up at all (a retention just shortened applies at once).
  const { rows: probes } = await pool().query<{ id: string; due: boolean }>(
    `SELECT id, due FROM (
       SELECT p.id, p."rolledTo" IS NOT NULL AS rolled,
              CASE WHEN p."rolledTo" IS NULL
                   THEN EXISTS (SELECT 1 FROM "ProbeRun" r WHERE r."probeId" = p.id AND date_trunc('hour', r.at) < ${AT("$1::float8")})
                   ELSE p."rolledTo" < ${AT("$1::float8")} END AS due
         FROM "Probe" p) x
      WHERE due OR rolled`,
    [closedTo],
  );
  const done = { hours: 0, runsDeleted: 0, daysDeleted: 0 };
  for (const { id, due } of probes) {
    const need = needs.get(id) ?? { thresholds: [], keepFrom: null };
    while (due) {
      const step = await rollUpProbe(id, closedTo, need.thresholds);
      done.hours += step.hours;
      if (step.done) break;
    }
    const pruned = await prune(id, now, runDays, hourDays, need.keepFrom);
    done.runsDeleted += pruned.runs;
    done.daysDeleted += pruned.days;
  }
  return done;
}

/**
 * Holds the probe's row for the transaction (null: it is gone). Another process doing the same
 * waits, then finds rolledTo where this one left it: each hour is written once, and a process's
 * prune always follows its own rollup. A run being written waits too, and the other way round.
 */
async function hold(tx: Tx, id: string): Promise<{ intervalSeconds: number; rolledTo: number | null } | null> {
  const [probe] = await tx.$queryRawUnsafe<{ intervalSeconds: number; rolledTo: number | null }[]>(`SELECT "intervalSeconds", ${EPOCH_MS(`"rolledTo"`)} AS "rolledTo" FROM "Probe" WHERE id = $1 FOR UPDATE`, id);
  return probe ?? null;
}

async function firstRunAt(tx: Tx, id: string): Promise<number | null> {
  const [first] = await tx.$queryRawUnsafe<{ at: number }[]>(`SELECT ${EPOCH_MS("at")} AS at FROM "ProbeRun" WHERE "probeId" = $1 ORDER BY date_trunc('hour', at), at LIMIT 1`, id);
  return first?.at ?? null;
}

const setRolledTo = (tx: Tx, id: string, to: number) => tx.$executeRawUnsafe(`UPDATE "Probe" SET "rolledTo" = ${AT("$2::float8")} WHERE id = $1`, id, to);

/**
 * A threshold an SLO names that the probe's latest kept day was not kept with (an SLO made or
 * changed since): its hours are rolled up again from the first hour the kept runs fully cover, so
 * that they count it too once the runs are gone. Meanwhile readers count it from the runs.
 */
async function rewindForThresholds(id: string, thresholds: number[]): Promise<void> {
  if (thresholds.length === 0) return;
  await prisma.$transaction(async (tx) => {
    const probe = await hold(tx, id);
    if (!probe || probe.rolledTo === null) return;
    const [latest] = await tx.$queryRawUnsafe<{ day: number; withinMs: number[] }[]>(`SELECT ${EPOCH_MS("day")} AS day, "withinMs" FROM "ProbeDay" WHERE "probeId" = $1 ORDER BY day DESC LIMIT 1`, id);
    if (!latest || thresholds.every((t) => latest.withinMs.includes(t))) return;
    const first = await firstRunAt(tx, id);
    if (first === null) return;
    const from = Math.ceil((first + coverageReachMs(probe.intervalSeconds)) / HOUR_MS) * HOUR_MS;
    // (A latest day whose runs are gone cannot be kept with it: nothing to do, now or later.)
    if (from < probe.rolledTo && latest.day + DAY_MS > from) await setRolledTo(tx, id, from);
  });
}

/** Up to a span of the probe's closed hours after rolledTo kept in their day rows. */
async function rollUpProbe(id: string, closedTo: number, thresholds: number[]): Promise<{ hours: number; done: boolean }> {
  return prisma.$transaction(
    async (tx) => {
      const probe = await hold(tx, id);
      if (!probe) return { hours: 0, done: true };
      let from = probe.rolledTo;
      if (from === null) {
        const first = await firstRunAt(tx, id);
        if (first === null) return { hours: 0, done: true }; // nothing ran yet
        from = hourFloor(first);
      }
      if (from >= closedTo) return { hours: 0, done: true };
      const upTo = Math.min(closedTo, from + SPAN_MS);
      const runs = await tx.$queryRawUnsafe<{ at: number; ok: boolean; latencyMs: number }[]>(
        `SELECT ${EPOCH_MS("at")} AS at, ok, "latencyMs" FROM "ProbeRun"
          WHERE "probeId" = $1 AND date_trunc('hour', at) >= date_trunc('hour', ${AT("$2::float8")}) AND date_trunc('hour', at) < ${AT("$3::float8")}
            AND at >= ${AT("$2::float8")} AND at < ${AT("$3::float8")} ORDER BY at`,
        id,
        from - coverageReachMs(probe.intervalSeconds),
        upTo,
      );
      const hours = rollupHours(runs, probe.intervalSeconds, thresholds, from, upTo);
      // Each day touched: its hours outside [from, upTo) as kept, the ones inside as rolled now.
      const days = new Set([...hoursByDay(hours).keys()]);
      for (let d = dayFloor(from); d < upTo; d += DAY_MS) days.add(d);
      const fresh = hoursByDay(hours);
      for (const day of days) {
        const [kept] = await tx.$queryRawUnsafe<{ untimedHours: number; runs: number[]; failures: number[]; withinMs: number[]; withinRuns: number[]; down: number[]; unknown: number[]; slow: number[] }[]>(
          `SELECT "untimedHours", runs, failures, "withinMs", "withinRuns", down, unknown, slow FROM "ProbeDay" WHERE "probeId" = $1 AND day = ${AT("$2::float8")}`,
          id,
          day,
        );
        const keptHours = kept ? unpackDay({ day, ...kept }).filter((h) => h.start < from || h.start >= upTo) : [];
        const row = packDay(day, [...keptHours, ...(fresh.get(day) ?? [])]);
        if (row.runs.length === 0) {
          if (kept) await tx.$executeRawUnsafe(`DELETE FROM "ProbeDay" WHERE "probeId" = $1 AND day = ${AT("$2::float8")}`, id, day);
          continue;
        }
        await tx.$executeRawUnsafe(
          `INSERT INTO "ProbeDay" ("probeId", day, "untimedHours", runs, failures, "withinMs", "withinRuns", down, unknown, slow)
           VALUES ($1, ${AT("$2::float8")}, $3, $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[])
           ON CONFLICT ("probeId", day) DO UPDATE SET "untimedHours" = EXCLUDED."untimedHours", runs = EXCLUDED.runs, failures = EXCLUDED.failures,
             "withinMs" = EXCLUDED."withinMs", "withinRuns" = EXCLUDED."withinRuns", down = EXCLUDED.down, unknown = EXCLUDED.unknown, slow = EXCLUDED.slow`,
          id, day, row.untimedHours, row.runs, row.failures, row.withinMs, row.withinRuns, row.down, row.unknown, row.slow,
        );
      }
      await setRolledTo(tx, id, upTo);
      return { hours: hours.length, done: upTo >= closedTo };
    },
    { timeout: 60_000 },
  );
}

/**
 * Deletes the probe's runs older than the retention (never one its SLOs still need, nor one not
 * yet rolled up) and its day rows older than theirs.
 */
async function prune(id: string, now: number, runDays: number, hourDays: number, keepFrom: number | null): Promise<{ runs: number; days: number }> {
  return prisma.$transaction(async (tx) => {
    const probe = await hold(tx, id);
    if (!probe || probe.rolledTo === null) return { runs: 0, days: 0 };
    // Kept: every run whose coverage reaches past the cut (it counts for the time after it).
    const cut = Math.min(hourFloor(now - runDays * DAY_MS), keepFrom ?? Number.POSITIVE_INFINITY, probe.rolledTo) - coverageReachMs(probe.intervalSeconds);
    const runs = await tx.$executeRawUnsafe(`DELETE FROM "ProbeRun" WHERE "probeId" = $1 AND date_trunc('hour', at) <= date_trunc('hour', ${AT("$2::float8")}) AND at < ${AT("$2::float8")}`, id, cut);
    const days = await tx.$executeRawUnsafe(`DELETE FROM "ProbeDay" WHERE "probeId" = $1 AND day < ${AT("$2::float8")}`, id, dayFloor(now - hourDays * DAY_MS));
    return { runs, days };
  });
}
