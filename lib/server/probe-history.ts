import "server-only";
import { coverageReachMs, hourFloor, rollupHours, type ProbeHistory, type ProbeHour } from "@/lib/domain/probe-hours";
import type { ProbeRunSample } from "@/lib/domain/probe-sli";
import { pool, prisma } from "./db";
import { NotFoundError } from "./errors";
import { rowSli } from "./slos";

// A probe's runs kept raw for probeRetentionDays, and as hours past that (lib/domain/probe-hours.ts):
// what probe SLOs count from. The hours are written just before their runs are deleted.

/** Each probe's history over [from, to): its kept hours, and its runs from a coverage reach before. */
export async function probeHistories(probeIds: string[], from: number, to: number): Promise<Map<string, ProbeHistory>> {
  const ids = [...new Set(probeIds)];
  const probes = await prisma.probe.findMany({ where: { id: { in: ids } }, select: { id: true, intervalSeconds: true, rolledTo: true } });
  for (const id of ids) if (!probes.some((p) => p.id === id)) throw new NotFoundError("Probe", id);
  const reach = Math.max(0, ...probes.map((p) => coverageReachMs(p.intervalSeconds)));
  const rolled = probes.filter((p) => p.rolledTo !== null && p.rolledTo.getTime() > from).map((p) => p.id);
  const [runRows, hourRows] = await Promise.all([
    pool().query<[string, Date, boolean, number]>({
      text: `SELECT "probeId", at, ok, "latencyMs" FROM "ProbeRun" WHERE "probeId" = ANY($1::text[]) AND at >= $2 AND at < $3 ORDER BY "probeId", at`,
      values: [ids, new Date(from - reach), new Date(to)],
      rowMode: "array",
    }),
    rolled.length === 0
      ? Promise.resolve({ rows: [] as [string, Date, number, number, number, number[], number[]][] })
      : pool().query<[string, Date, number, number, number, number[], number[]]>({
          text: `SELECT "probeId", start, runs, failures, "unknownSeconds", "withinMs", "withinRuns" FROM "ProbeHour" WHERE "probeId" = ANY($1::text[]) AND start >= $2 AND start < $3 ORDER BY "probeId", start`,
          values: [rolled, new Date(hourFloor(from)), new Date(to)],
          rowMode: "array",
        }),
  ]);
  const runs = new Map<string, ProbeRunSample[]>();
  for (const [id, at, ok, latencyMs] of runRows.rows) push(runs, id, { at: at.getTime(), ok, latencyMs });
  const hours = new Map<string, ProbeHour[]>();
  for (const [id, start, n, failures, unknownSeconds, withinMs, withinRuns] of hourRows.rows) push(hours, id, { start: start.getTime(), runs: n, failures, unknownSeconds, withinMs, withinRuns });
  return new Map(probes.map((p) => [p.id, { intervalSeconds: p.intervalSeconds, rolledTo: p.rolledTo?.getTime() ?? null, hours: hours.get(p.id) ?? [], runs: runs.get(p.id) ?? [] }]));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// At most this much of a probe's past is rolled up in one transaction (a retention just shortened
// from a year to a week leaves a year of runs to roll up: a day at a time).
const SPAN_MS = 86_400_000;

/**
 * Keeps the runs older than the retention setting as hours, then deletes them (all but those whose
 * coverage reaches past the kept hours). One probe at a time, each in a transaction that holds it,
 * so that every process may run this at once and each hour is written once. Returns the runs deleted.
 */
export async function rollUpAndPruneRuns(now = Date.now()): Promise<number> {
  const { rows } = await pool().query<{ days: number }>(`SELECT "probeRetentionDays" AS days FROM "OrganizationSettings" WHERE id = 1`);
  const boundary = hourFloor(now - (rows[0]?.days ?? 30) * 86_400_000);
  // The probes with runs to delete: older than the boundary by more than their coverage reaches.
  const { rows: due } = await pool().query<{ id: string }>(
    `SELECT DISTINCT r."probeId" AS id FROM "ProbeRun" r JOIN "Probe" p ON p.id = r."probeId" WHERE r.at < $1::timestamp(3) - make_interval(secs => p."intervalSeconds" + 5)`,
    [new Date(boundary)],
  );
  let deleted = 0;
  for (const { id } of due) {
    for (;;) {
      const step = await rollUpProbe(id, boundary);
      deleted += step.deleted;
      if (step.done) break;
    }
  }
  return deleted;
}

/** Up to a span of the probe's hours before `boundary` kept, and the runs they hold deleted. */
async function rollUpProbe(id: string, boundary: number): Promise<{ deleted: number; done: boolean }> {
  return prisma.$transaction(
    async (tx) => {
      const [probe] = await tx.$queryRaw<{ intervalSeconds: number; rolledTo: Date | null }[]>`SELECT "intervalSeconds", "rolledTo" FROM "Probe" WHERE id = ${id} FOR UPDATE SKIP LOCKED`;
      if (!probe) return { deleted: 0, done: true }; // another process has it, or it is gone
      const reach = coverageReachMs(probe.intervalSeconds);
      let upTo = probe.rolledTo?.getTime() ?? null;
      if (upTo === null || upTo < boundary) {
        const first = await tx.probeRun.findFirst({ where: { probeId: id, at: { gte: new Date(upTo ?? 0) } }, orderBy: { at: "asc" }, select: { at: true } });
        const from = Math.max(upTo ?? 0, hourFloor(first?.at.getTime() ?? boundary));
        upTo = Math.min(boundary, from + SPAN_MS);
        const runs = (await tx.probeRun.findMany({ where: { probeId: id, at: { gte: new Date(from - reach), lt: new Date(upTo) } }, orderBy: { at: "asc" }, select: { at: true, ok: true, latencyMs: true } })).map((r) => ({ at: r.at.getTime(), ok: r.ok, latencyMs: r.latencyMs }));
        // Every threshold an SLO of this probe names, archived ones too (their history stays readable).
        const slos = await tx.slo.findMany({ where: { sli: { path: ["probe"], equals: id } }, select: { id: true, sli: true } });
        const thresholds = slos.map(rowSli).flatMap((sli) => (sli.source === "probe" && sli.kind === "latency" && sli.thresholdMs !== undefined ? [sli.thresholdMs] : []));
        const hours = rollupHours(runs, probe.intervalSeconds, thresholds, from, upTo);
        if (hours.length) await tx.probeHour.createMany({ data: hours.map((h) => ({ probeId: id, ...h, start: new Date(h.start) })), skipDuplicates: true });
        await tx.probe.update({ where: { id }, data: { rolledTo: new Date(upTo) } });
      }
      // Kept: the runs whose coverage reaches past the kept hours (they count for the time after).
      const gone = await tx.probeRun.deleteMany({ where: { probeId: id, at: { lt: new Date(Math.min(upTo, boundary) - reach) } } });
      return { deleted: gone.count, done: upTo >= boundary };
    },
    { timeout: 60_000 },
  );
}
