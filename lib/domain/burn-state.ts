/**
 * How a service is doing against its error budget, as states people act on: the SRE workbook's
 * multi-window, multi-burn-rate rules (chapter 5, "Alerting on SLOs") for the pace, and the share
 * of the budget left for the stock. The rules are data, so the page states them as they are applied.
 */
import type { BurnLookback } from "./error-budget";

export type BurnState = "fast_burn" | "slow_burn" | "ok";
export type BudgetState = "healthy" | "low" | "overspent";

/**
 * A rule fires when the burn rate is above its threshold over both its long lookback and its short
 * one: the long one says it is serious, the short one that it is still happening.
 */
export type BurnRule = { state: Exclude<BurnState, "ok">; long: BurnLookback; short: BurnLookback; threshold: number };

export const BURN_RULES: readonly BurnRule[] = [
  { state: "fast_burn", long: "1h", short: "5m", threshold: 14.4 },
  { state: "fast_burn", long: "6h", short: "30m", threshold: 6 },
  { state: "slow_burn", long: "1d", short: "2h", threshold: 3 },
  { state: "slow_burn", long: "3d", short: "6h", threshold: 1 },
];

export const BURN_STATE_LABELS: Record<BurnState, string> = { fast_burn: "Fast burn", slow_burn: "Slow burn", ok: "Not burning fast" };

/** Below this share of its budget left, a service is "low" (and shown so). */
export const LOW_BUDGET_RATIO = 0.25;

export const BUDGET_STATE_LABELS: Record<BudgetState, string> = { healthy: "Healthy", low: "Under 25 % left", overspent: "Overspent" };

/** The first rule that fires (fast before slow), or ok. */
export function burnState(rates: Readonly<Record<BurnLookback, number>>): { state: BurnState; rule: BurnRule | null } {
  const rule = BURN_RULES.find((r) => rates[r.long] > r.threshold && rates[r.short] > r.threshold) ?? null;
  return { state: rule?.state ?? "ok", rule };
}

export function budgetState(remainingRatio: number): BudgetState {
  if (remainingRatio < 0) return "overspent";
  return remainingRatio < LOW_BUDGET_RATIO ? "low" : "healthy";
}

/** "14.4× over 1h and 5m": a rule as the page states it. */
export function describeBurnRule(rule: BurnRule): string {
  return `${rule.threshold}× the budget's pace over ${rule.long} and over ${rule.short}`;
}

/**
 * One state per service, its most pressing: burning fast (act now), overspent (the window's SLO is
 * lost), burning slowly, under 25 % left, healthy. In this order lists put them first.
 */
export const SERVICE_STATES = ["fast_burn", "overspent", "slow_burn", "low", "healthy"] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export const SERVICE_STATE_LABELS: Record<ServiceState, string> = {
  fast_burn: "Fast burn",
  overspent: "Budget overspent",
  slow_burn: "Slow burn",
  low: "Under 25 % left",
  healthy: "Healthy",
};

export function serviceState(budget: BudgetState, burn: BurnState): ServiceState {
  if (burn === "fast_burn") return "fast_burn";
  if (budget === "overspent") return "overspent";
  if (burn === "slow_burn") return "slow_burn";
  return budget === "low" ? "low" : "healthy";
}
