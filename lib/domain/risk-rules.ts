/**
 * The rules a risk must satisfy as a whole (docs/domain.md "Risks"), checked on the fields a create
 * carries and on the merged result of a PATCH alike: an accepted risk names who accepted it and
 * until when, and the target assessment is not worse than the current one. The database checks
 * the same (prisma/sql/risk-rules.sql). Pure.
 */
import type { Issue } from "./incident-lifecycle";
import { riskScore, targetIsWorse, type Assessment } from "./risk-matrix";

export const RISK_TREATMENTS = ["mitigate", "accept", "avoid", "transfer"] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];

export const RISK_TREATMENT_LABELS: Record<RiskTreatment, string> = {
  mitigate: "Mitigate",
  accept: "Accept",
  avoid: "Avoid",
  transfer: "Transfer",
};

export const RISK_STATUSES = ["open", "closed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** RISK-<number>, as incidents are INC-<number>. */
export function riskReference(number: number): string {
  return `RISK-${number}`;
}

export function parseRiskReference(text: string): number | null {
  const m = /^RISK-(\d{1,9})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

export interface RiskWhole {
  readonly treatment: RiskTreatment;
  readonly acceptedBy: string | null;
  readonly acceptedUntil: unknown;
  readonly current: Assessment;
  readonly target: Assessment;
}

export function riskIssues(risk: RiskWhole): Issue[] {
  const issues: Issue[] = [];
  if (risk.treatment === "accept") {
    if (!risk.acceptedBy?.trim()) issues.push({ path: "acceptedBy", message: "Required for an accepted risk: who accepted it" });
    if (risk.acceptedUntil === null || risk.acceptedUntil === undefined) issues.push({ path: "acceptedUntil", message: "Required for an accepted risk: until when the acceptance holds" });
  }
  if (targetIsWorse(risk.current, risk.target)) {
    const t = riskScore(risk.target.likelihood, risk.target.consequence);
    const c = riskScore(risk.current.likelihood, risk.current.consequence);
    issues.push({ path: "target", message: `Must not be worse than the current assessment (score ${t} is above ${c})` });
  }
  return issues;
}
