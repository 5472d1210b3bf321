/**
 * Prometheus alerting rules for an SLO measured by Prometheus: the multi-window, multi-burn-rate
 * alerts of the SRE workbook, from the same rules Nines' own burn state uses (BURN_RULES: page on
 * 14.4× over 1 h and 5 min or 6× over 6 h and 30 min; ticket on 3× over 1 d and 2 h or 1× over
 * 3 d and 6 h). Pure: returns the rule group as data, the caller writes YAML.
 */
import { BURN_RULES, type BurnRule } from "./burn-state";
import { BURN_LOOKBACKS, targetComplement, type BurnLookback } from "./error-budget";
import { withWindow } from "./measured-sli";
import type { PrometheusSli } from "./slo";

export type RuleSlo = { service: string; name: string; target: number; sli: PrometheusSli };
type Recording = { record: string; expr: string; labels: Record<string, string> };
type Alert = { alert: string; expr: string; for?: string; labels: Record<string, string>; annotations: Record<string, string> };
export type RuleGroup = { name: string; rules: (Recording | Alert)[] };

export const ERROR_RATIO_METRIC = "nines:slo_error_ratio";

const OPS: Record<string, string> = { lt: "<", lte: "<=", gt: ">", gte: ">=" };

/** The share of bad events (or bad minutes, for a threshold query) over `seconds`. */
export function errorRatioExpr(sli: PrometheusSli, seconds: number): string {
  if (sli.kind === "threshold") {
    const range = withWindow("$window", seconds);
    return `1 - avg_over_time(((${withWindow(sli.query, 60)}) ${OPS[sli.op]} bool ${sli.threshold})[${range}:1m])`;
  }
  const total = withWindow(sli.total, seconds);
  return sli.bad !== undefined ? `(${withWindow(sli.bad, seconds)}) / (${total})` : `1 - ((${withWindow(sli.good as string, seconds)}) / (${total}))`;
}

const lookbacksUsed = (): BurnLookback[] => [...new Set(BURN_RULES.flatMap((r) => [r.long, r.short]))];

function condition(rule: BurnRule, selector: string, complement: number): string {
  const limit = `${rule.threshold} * ${complement}`;
  return `(${ERROR_RATIO_METRIC}:rate${rule.long}${selector} > ${limit} and ${ERROR_RATIO_METRIC}:rate${rule.short}${selector} > ${limit})`;
}

export function sloRuleGroup(slo: RuleSlo): RuleGroup {
  const labels = { service: slo.service, slo: slo.name };
  const selector = `{service="${slo.service}",slo="${slo.name}"}`;
  const complement = targetComplement(slo.target);
  const recordings: Recording[] = lookbacksUsed().map((lb) => ({ record: `${ERROR_RATIO_METRIC}:rate${lb}`, expr: errorRatioExpr(slo.sli, BURN_LOOKBACKS[lb] / 1000), labels }));
  const alert = (state: "fast_burn" | "slow_burn", name: string, severity: string, what: string): Alert => ({
    alert: name,
    expr: BURN_RULES.filter((r) => r.state === state).map((r) => condition(r, selector, complement)).join(" or "),
    labels: { ...labels, severity },
    annotations: {
      summary: `${slo.service}/${slo.name} is burning its error budget ${what}`,
      description: `The error ratio is above ${BURN_RULES.filter((r) => r.state === state).map((r) => `${r.threshold}× the ${(complement * 100).toPrecision(3)} % allowed over ${r.long} and ${r.short}`).join(", or ")}.`,
    },
  });
  return {
    name: `nines-${slo.service}-${slo.name}`,
    rules: [...recordings, alert("fast_burn", "NinesSLOFastBurn", "page", "fast"), alert("slow_burn", "NinesSLOSlowBurn", "ticket", "steadily")],
  };
}
