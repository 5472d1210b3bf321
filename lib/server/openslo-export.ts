import "server-only";
import { stringify } from "yaml";
import { toOpenSloWindow } from "@/lib/domain/openslo";
import { MAINTENANCE_ANNOTATION, TIER_ANNOTATION } from "@/lib/domain/openslo-plan";
import { organisationTimeZone } from "./availability-data";
import { listServices } from "./services";

// Every service as OpenSLO v1: a `Service`, the `SLI` its objective is computed from (the incident
// record, as metric source type Nines) and the `SLO` that names it, so every indicatorRef resolves
// in the same file. The maintenance rule and the tier have no OpenSLO field: they travel as
// annotations, and an import reads them back (docs/decisions/0020-openslo-import.md).

export const incidentSliName = (slug: string) => `${slug}-incidents`;

export async function exportOpenSlo(): Promise<string> {
  const [services, timeZone] = await Promise.all([listServices(), organisationTimeZone()]);
  const docs = services.flatMap((s) => [
    { apiVersion: "openslo/v1", kind: "Service", metadata: { name: s.slug, displayName: s.name }, spec: { description: s.description } },
    {
      apiVersion: "openslo/v1",
      kind: "SLI",
      metadata: { name: incidentSliName(s.slug), displayName: `${s.name}: time up, from the incident record` },
      spec: {
        description: "The share of time the service was up by its incident record: a full outage counts each second as down, a partial one its share of each second; computed to the second by Nines.",
        thresholdMetric: { metricSource: { type: "Nines", spec: { source: "incidents" } } },
      },
    },
    {
      apiVersion: "openslo/v1",
      kind: "SLO",
      metadata: { name: `${s.slug}-availability`, displayName: `${s.name} availability`, annotations: { [MAINTENANCE_ANNOTATION]: s.maintenance, [TIER_ANNOTATION]: String(s.tier.rank) } },
      spec: {
        service: s.slug,
        description: `Availability of ${s.name}: the share of time it was up, from the incident record (Nines).`,
        budgetingMethod: "Timeslices",
        indicatorRef: incidentSliName(s.slug),
        timeWindow: [toOpenSloWindow(s.sloWindow, timeZone)],
        objectives: [{ displayName: "Availability", target: s.sloTarget, timeSliceTarget: 1, timeSliceWindow: "1m" }],
      },
    },
  ]);
  return docs.map((d) => stringify(d)).join("---\n");
}
