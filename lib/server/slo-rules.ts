import "server-only";
import { stringify } from "yaml";
import { sloRuleGroup, type RuleGroup } from "@/lib/domain/prometheus-rules";
import { prisma } from "./db";
import { ConflictError } from "./errors";
import { getSlo, rowSli, sloInclude, toSloDto } from "./slos";

// Prometheus rule files for the SLOs Prometheus measures (lib/domain/prometheus-rules.ts), to load
// into the Prometheus that alerts on them (rule_files). One SLO's, or every active one's.

const file = (groups: RuleGroup[]) => `# Written by Nines: the multi-window, multi-burn-rate alerts of each SLO measured by Prometheus.\n${stringify({ groups }, { lineWidth: 0 })}`;

function group(row: Parameters<typeof toSloDto>[0]): RuleGroup | null {
  const sli = rowSli(row);
  if (sli.source !== "prometheus") return null;
  const dto = toSloDto(row);
  return sloRuleGroup({ service: dto.service.slug, name: dto.name, target: dto.target, sli });
}

export async function sloRules(id: string): Promise<string> {
  await getSlo(id); // 404 first
  const g = group(await prisma.slo.findUniqueOrThrow({ where: { id }, include: sloInclude }));
  if (!g) throw new ConflictError("Only an SLO measured by Prometheus has Prometheus alerting rules; Nines computes this one's burn state itself", [{ path: "", message: "not measured by Prometheus" }]);
  return file([g]);
}

export async function allSloRules(): Promise<string> {
  const rows = await prisma.slo.findMany({ where: { archivedAt: null, datasourceId: { not: null }, service: { archivedAt: null } }, include: sloInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return file(rows.map(group).filter((g): g is RuleGroup => g !== null));
}
