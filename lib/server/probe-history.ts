import "server-only";
import { unpackDay, type ProbeDayRow } from "@/lib/domain/probe-days";
import { dayFloor, type ProbeHour } from "@/lib/domain/probe-hours";
import { runsToRead, type ProbeHistory, type ProbeRead } from "@/lib/domain/probe-reads";
import type { ProbeRunSample } from "@/lib/domain/probe-sli";
import { pool } from "./db";
import { NotFoundError } from "./errors";

// Every reader of a probe's past goes through here (docs/decisions/0030-probe-history-that-fits.md):
// it says what it will ask (lib/domain/probe-reads.ts ProbeRead), and gets the probe's closed hours
// over those ranges (ProbeDay rows, kept by lib/server/probe-rollup.ts) and only the runs the hours
// cannot answer for: a range's partial hours, the part after the last closed hour, time slices.

/** What a reader will ask of one probe. */
export type HistoryRequest = { probeId: string; reads: ProbeRead[] };

// Instants travel as epoch milliseconds; a run's time column is a UTC timestamp without zone.
const AT = (param: string) => `(timestamp 'epoch' + ${param} * interval '1 millisecond')`;
const EPOCH_MS = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** Each probe's history for its reads (probes asked for more than once: all their reads). */
export async function probeHistories(requests: readonly HistoryRequest[]): Promise<Map<string, ProbeHistory>> {
  const reads = new Map<string, ProbeRead[]>();
  for (const r of requests) reads.set(r.probeId, [...(reads.get(r.probeId) ?? []), ...r.reads]);
  const ids = [...reads.keys()];
  if (ids.length === 0) return new Map();
  const { rows: probes } = await pool().query<[string, number, number | null]>({
    text: `SELECT id, "intervalSeconds", ${EPOCH_MS(`"rolledTo"`)} FROM "Probe" WHERE id = ANY($1::text[])`,
    values: [ids],
    rowMode: "array",
  });
  for (const id of ids) if (!probes.some((p) => p[0] === id)) throw new NotFoundError("Probe", id);

  // The closed hours over the ranges read: the day rows from the earliest range's day to rolledTo.
  const dayRanges = probes.flatMap(([id, , rolledTo]) => {
    const ranges = (reads.get(id) ?? []).map((r) => r.range).filter((r) => r.to > r.from);
    if (rolledTo === null || ranges.length === 0) return [];
    const from = dayFloor(Math.min(...ranges.map((r) => r.from)));
    const to = Math.min(rolledTo, Math.max(...ranges.map((r) => r.to)));
    // Where in each hour things were only for a reader of coverage: counting needs the amounts.
    const timing = (reads.get(id) ?? []).some((r) => r.use === "coverage");
    return from < to ? [{ id, from, to, timing }] : [];
  });
  const hours = new Map<string, Map<number, ProbeHour>>(ids.map((id) => [id, new Map()]));
  if (dayRanges.length) {
    const { rows } = await pool().query<[string, number, number, number[], number[], number[], number[], number[], number[], number[], boolean]>({
      text: `SELECT d."probeId", ${EPOCH_MS("d.day")}, d."untimedHours", d.runs, d.failures, d."withinMs", d."withinRuns",
                     CASE WHEN q.timing THEN d.down ELSE '{}' END, d.unknown, CASE WHEN q.timing THEN d.slow ELSE '{}' END, q.timing
               FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bool[]) AS q(id, f, t, timing)
               JOIN "ProbeDay" d ON d."probeId" = q.id AND d.day >= ${AT("q.f")} AND d.day < ${AT("q.t")}`,
      values: [dayRanges.map((r) => r.id), dayRanges.map((r) => r.from), dayRanges.map((r) => r.to), dayRanges.map((r) => r.timing)],
      rowMode: "array",
    });
    for (const [id, day, untimedHours, runs, failures, withinMs, withinRuns, down, unknown, slow, timing] of rows) {
      const row: ProbeDayRow = { day, untimedHours, runs, failures, withinMs, withinRuns, down, unknown, slow };
      const map = hours.get(id) as Map<number, ProbeHour>;
      for (const h of unpackDay(row, timing)) map.set(h.start, h);
    }
  }

  // The runs the hours cannot answer for.
  const metas = new Map(probes.map(([id, intervalSeconds, rolledTo]) => [id, { intervalSeconds, rolledTo, hours: hours.get(id) as Map<number, ProbeHour> }]));
  const runRanges = [...metas].flatMap(([id, meta]) => runsToRead(meta, reads.get(id) ?? []).map((r) => ({ id, ...r })));
  const runs = new Map<string, ProbeRunSample[]>(ids.map((id) => [id, []]));
  if (runRanges.length) {
    // The hour beside the time: the runs' index is by probe and hour (prisma/sql/probe-days.sql).
    const { rows } = await pool().query<[string, number, boolean, number]>({
      text: `SELECT r."probeId", ${EPOCH_MS("r.at")}, r.ok, r."latencyMs"
               FROM unnest($1::text[], $2::float8[], $3::float8[]) AS q(id, f, t)
               JOIN "ProbeRun" r ON r."probeId" = q.id
                AND date_trunc('hour', r.at) >= date_trunc('hour', ${AT("q.f")}) AND date_trunc('hour', r.at) <= date_trunc('hour', ${AT("q.t")})
                AND r.at >= ${AT("q.f")} AND r.at < ${AT("q.t")}
              ORDER BY r."probeId", r.at`,
      values: [runRanges.map((r) => r.id), runRanges.map((r) => r.from), runRanges.map((r) => r.to)],
      rowMode: "array",
    });
    for (const [id, at, ok, latencyMs] of rows) runs.get(id)?.push({ at, ok, latencyMs });
  }
  return new Map([...metas].map(([id, meta]) => [id, { ...meta, runs: runs.get(id) ?? [] }]));
}
