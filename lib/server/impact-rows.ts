import type { Impact, IncidentTimes } from "@/lib/domain";

// Impact rows as the availability read returns them, and the two shapes made of them: objects for
// the domain on this thread, or flat arrays for a fleet worker thread (fleet-workers.ts).

// Rows come back as arrays (rowMode "array"): tens of thousands per request, and no object with
// named keys per row keeps the garbage collector out of the way. Column order as in the SQL
// (availability-sql.ts); the last five only when read with the incident's copies.
export type ImpactRow = [
  serviceId: string,
  incidentId: string,
  fraction: number,
  kind: "unplanned" | "maintenance",
  startMs: number,
  endMs: number | null,
  incidentStartMs: number,
  detected?: number | null,
  acknowledged?: number | null,
  resolved?: number | null,
  number?: number,
  title?: string,
];

export type ServiceImpacts = { impacts: Impact[] };
export type IncidentLabel = { number: number; title: string };

/**
 * Impacts by service id; and, for rows read with the incident's copies, the milestones (MTTx)
 * and the label (the attribution list) of every incident they name, by incident id.
 */
export type LoadedImpacts = {
  byService: Map<string, ServiceImpacts>;
  incidents: Map<string, IncidentTimes>;
  labels: Map<string, IncidentLabel>;
};

/** The rows (of the services in `only`, if given) as objects; an incident is one shared object. */
export function collectImpacts(rows: readonly ImpactRow[], only?: ReadonlySet<string>): LoadedImpacts {
  const byService = new Map<string, ServiceImpacts>();
  const incidents = new Map<string, IncidentTimes>();
  const labels = new Map<string, IncidentLabel>();
  for (const [serviceId, incidentId, fraction, kind, start, end, incidentStartedAt, detectedAt, acknowledgedAt, resolvedAt, number, title] of rows) {
    if (only && !only.has(serviceId)) continue;
    const impact: Impact = { incidentId, kind, fraction, start, end, incidentStartedAt };
    const entry = byService.get(serviceId);
    if (entry) entry.impacts.push(impact);
    else byService.set(serviceId, { impacts: [impact] });
    if (number !== undefined && !incidents.has(incidentId)) {
      const times = { incidentId, kind, startedAt: incidentStartedAt, detectedAt: detectedAt ?? null, acknowledgedAt: acknowledgedAt ?? null, resolvedAt: resolvedAt ?? null };
      incidents.set(incidentId, times);
      labels.set(incidentId, { number, title: title as string });
    }
  }
  return { byService, incidents, labels };
}

/**
 * Some services' rows packed into a few flat arrays for a worker thread. Structured clone of thousands of small objects costs the sender several
 * milliseconds and the receiver twice that; flat arrays cost a fraction, and their buffers move
 * rather than being copied. Nulls travel as NaN; ids and titles are joined with NUL, which
 * PostgreSQL text cannot contain.
 */
export type PackedImpacts = {
  /** Impacts per service, in the order of the service ids packed; the impacts in that order. */
  counts: Int32Array;
  incidentIds: string;
  /** 1 for maintenance. */
  maintenance: Uint8Array;
  /** Per impact: fraction, start, end, incident start. */
  numbers: Float64Array;
  /** Per incident named, in the order of `timesIds`: started, detected, acknowledged, resolved, number. */
  timesIds: string;
  timesMaintenance: Uint8Array;
  timesNumbers: Float64Array;
  titles: string;
};

const SEP = "\u0000";
const orNaN = (x: number | null | undefined) => (x === null || x === undefined ? Number.NaN : x);
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

export function packImpactRows(rows: readonly ImpactRow[], serviceIds: readonly string[]): PackedImpacts {
  const slot = new Map(serviceIds.map((id, i) => [id, i]));
  const counts = new Int32Array(serviceIds.length);
  for (const row of rows) {
    const i = slot.get(row[0]);
    if (i !== undefined) counts[i] = (counts[i] as number) + 1;
  }
  // Each service's impacts in a run, in the order the rows came.
  const next = new Int32Array(serviceIds.length);
  for (let i = 1; i < next.length; i++) next[i] = (next[i - 1] as number) + (counts[i - 1] as number);
  const total = counts.reduce((a, b) => a + b, 0);
  const ids = new Array<string>(total);
  const maintenance = new Uint8Array(total);
  const numbers = new Float64Array(total * 4);
  const named = new Map<string, ImpactRow>();
  for (const row of rows) {
    const i = slot.get(row[0]);
    if (i === undefined) continue;
    const k = next[i] as number;
    next[i] = k + 1;
    ids[k] = row[1];
    maintenance[k] = row[3] === "maintenance" ? 1 : 0;
    numbers[k * 4] = row[2];
    numbers[k * 4 + 1] = row[4];
    numbers[k * 4 + 2] = orNaN(row[5]);
    numbers[k * 4 + 3] = row[6];
    // Rows read without the incident's copies (series) name no incidents, as in collectImpacts().
    if (row[10] !== undefined && !named.has(row[1])) named.set(row[1], row);
  }
  const timesMaintenance = new Uint8Array(named.size);
  const timesNumbers = new Float64Array(named.size * 5);
  const titles: string[] = [];
  let j = 0;
  for (const row of named.values()) {
    timesMaintenance[j] = row[3] === "maintenance" ? 1 : 0;
    timesNumbers[j * 5] = row[6];
    timesNumbers[j * 5 + 1] = orNaN(row[7]);
    timesNumbers[j * 5 + 2] = orNaN(row[8]);
    timesNumbers[j * 5 + 3] = orNaN(row[9]);
    timesNumbers[j * 5 + 4] = orNaN(row[10]);
    titles.push(row[11] ?? "");
    j++;
  }
  return { counts, incidentIds: ids.join(SEP), maintenance, numbers, timesIds: [...named.keys()].join(SEP), timesMaintenance, timesNumbers, titles: titles.join(SEP) };
}

/** On the worker: the same objects collectImpacts() makes of those services' rows. */
export function unpackImpacts(serviceIds: readonly string[], packed: PackedImpacts): LoadedImpacts {
  const { numbers, timesNumbers } = packed;
  const incidents = new Map<string, IncidentTimes>();
  const labels = new Map<string, IncidentLabel>();
  if (packed.timesIds !== "") {
    const titles = packed.titles.split(SEP);
    packed.timesIds.split(SEP).forEach((incidentId, j) => {
      incidents.set(incidentId, {
        incidentId,
        kind: packed.timesMaintenance[j] === 1 ? "maintenance" : "unplanned",
        startedAt: timesNumbers[j * 5] as number,
        detectedAt: orNull(timesNumbers[j * 5 + 1] as number),
        acknowledgedAt: orNull(timesNumbers[j * 5 + 2] as number),
        resolvedAt: orNull(timesNumbers[j * 5 + 3] as number),
      });
      labels.set(incidentId, { number: timesNumbers[j * 5 + 4] as number, title: titles[j] as string });
    });
  }
  const ids = packed.incidentIds === "" ? [] : packed.incidentIds.split(SEP);
  const byService = new Map<string, ServiceImpacts>();
  let k = 0;
  serviceIds.forEach((serviceId, i) => {
    const n = packed.counts[i] as number;
    if (n === 0) return;
    const impacts: Impact[] = [];
    for (const end = k + n; k < end; k++) {
      impacts.push({
        incidentId: ids[k] as string,
        kind: packed.maintenance[k] === 1 ? "maintenance" : "unplanned",
        fraction: numbers[k * 4] as number,
        start: numbers[k * 4 + 1] as number,
        end: orNull(numbers[k * 4 + 2] as number),
        incidentStartedAt: numbers[k * 4 + 3] as number,
      });
    }
    byService.set(serviceId, { impacts });
  });
  return { byService, incidents, labels };
}
