import "server-only";
import { stringify } from "yaml";
import { toOpenSloWindow } from "@/lib/domain/openslo";
import { MAINTENANCE_ANNOTATION, TIER_ANNOTATION } from "@/lib/domain/openslo-plan";
import type { SloDto } from "@/lib/dto/slos";
import type { ServiceDto } from "@/lib/dto/services";
import { organisationTimeZone } from "./availability-data";
import { prisma } from "./db";
import { listServices } from "./services";
import { sloInclude, toSloDto } from "./slos";

// Every active service and SLO as OpenSLO v1: per service a `Service`, and per SLO the `SLI` it is
// computed from (the incident record or a probe, as metric source type Nines) and the `SLO` named
// `<service>-<slo>` that names it, so every indicatorRef resolves in the same file. The maintenance
// rule and the tier have no OpenSLO field: they travel as annotations, and an import reads them
// back (docs/decisions/0020-openslo-import.md). Exporting then importing changes nothing.

export const incidentSliName = (slug: string) => `${slug}-incidents`;

const shorthand = (seconds: number) => (seconds % 3600 === 0 ? `${seconds / 3600}h` : `${seconds / 60}m`);

function sliDocument(s: ServiceDto, slo: SloDto, probeUrls: Map<string, string>) {
  if (slo.sli.source === "incidents") {
    return {
      apiVersion: "openslo/v1",
      kind: "SLI",
      metadata: { name: incidentSliName(s.slug), displayName: `${s.name}: time up, from the incident record` },
      spec: {
        description: "The share of time the service was up by its incident record: a full outage counts each second as down, a partial one its share of each second; computed to the second by Nines.",
        thresholdMetric: { metricSource: { type: "Nines", spec: { source: "incidents" } } },
      },
    };
  }
  if (slo.sli.source === "prometheus") {
    const q = slo.sli;
    const source = (query: string | null) => ({ metricSource: { metricSourceRef: q.datasource.name, type: "Prometheus", spec: { query } } });
    return {
      apiVersion: "openslo/v1",
      kind: "SLI",
      metadata: { name: `${s.slug}-${slo.name}-sli` },
      spec: q.kind === "threshold" ? { thresholdMetric: source(q.query) } : { ratioMetric: { counter: true, ...(q.good === null ? { bad: source(q.bad) } : { good: source(q.good) }), total: source(q.total) } },
    };
  }
  const { probe, kind, thresholdMs } = slo.sli;
  return {
    apiVersion: "openslo/v1",
    kind: "SLI",
    metadata: { name: `${s.slug}-${slo.name}-sli`, displayName: kind === "latency" ? `${s.name}: probe runs within ${thresholdMs} ms` : `${s.name}: probe runs that succeeded` },
    spec: { thresholdMetric: { metricSource: { type: "Nines", spec: { source: "probe", url: probeUrls.get(probe) ?? "", kind, ...(thresholdMs === null ? {} : { thresholdMs }) } } } },
  };
}

function sloDocument(s: ServiceDto, slo: SloDto, sliName: string, timeZone: string) {
  const b = slo.budgeting;
  const objective =
    b.method === "time" ? { timeSliceTarget: 1, timeSliceWindow: "1m" }
    : b.method === "timeslices" ? { timeSliceTarget: b.sliceTarget, timeSliceWindow: shorthand(b.sliceSeconds) }
    : {};
  const own = slo.isServiceObjective;
  return {
    apiVersion: "openslo/v1",
    kind: "SLO",
    metadata: { name: `${s.slug}-${slo.name}`, displayName: own ? `${s.name} availability` : `${s.name}: ${slo.name}`, annotations: { [MAINTENANCE_ANNOTATION]: slo.maintenance, [TIER_ANNOTATION]: String(s.tier.rank) } },
    spec: {
      service: s.slug,
      description: own ? `Availability of ${s.name}: the share of time it was up, from the incident record (Nines).` : slo.description,
      budgetingMethod: b.method === "occurrences" ? "Occurrences" : "Timeslices",
      indicatorRef: sliName,
      timeWindow: [toOpenSloWindow(slo.window, timeZone)],
      objectives: [{ displayName: own ? "Availability" : slo.name, target: slo.target, ...objective, ...(slo.sli.source === "prometheus" && slo.sli.kind === "threshold" ? { op: slo.sli.op, value: slo.sli.threshold } : {}) }],
    },
  };
}

export async function exportOpenSlo(): Promise<string> {
  const [services, rows, probes, timeZone] = await Promise.all([
    listServices(),
    prisma.slo.findMany({ where: { archivedAt: null }, include: sloInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    prisma.probe.findMany({ select: { id: true, url: true } }),
    organisationTimeZone(),
  ]);
  const probeUrls = new Map(probes.map((p) => [p.id, p.url]));
  const slosOf = new Map<string, SloDto[]>();
  for (const row of rows) {
    const d = toSloDto(row);
    slosOf.set(d.service.slug, [...(slosOf.get(d.service.slug) ?? []), d]);
  }
  const docs = services.flatMap((s) => {
    const slos = slosOf.get(s.slug) ?? [];
    const slis = new Map<string, object>();
    const sloDocs = slos.map((slo) => {
      const sli = sliDocument(s, slo, probeUrls);
      slis.set(sli.metadata.name, sli);
      return sloDocument(s, slo, sli.metadata.name, timeZone);
    });
    return [{ apiVersion: "openslo/v1", kind: "Service", metadata: { name: s.slug, displayName: s.name }, spec: { description: s.description } }, ...slis.values(), ...sloDocs];
  });
  return docs.map((d) => stringify(d)).join("---\n");
}
