/**
 * The quantitative view of a risk (Google CRE "risk catalog", docs/domain.md "Risks"): how many
 * minutes of bad service a year it is expected to cost, against the service's yearly error
 * budget. Pure.
 *
 *   occurrences per year = 365.25 / ETTF
 *   bad minutes per year = (ETTD + ETTR) × impact fraction × occurrences per year
 *   yearly budget        = (1 − p) × 525,960 minutes
 *   unacceptable         ⇔ bad minutes per year > threshold × yearly budget
 */
import { PERIOD_SECONDS } from "./allowed-downtime";
import { budgetSecondsFor } from "./error-budget";

/** 365.25 days: the year of the nines table, so a leap day is spread over four years. */
export const DAYS_PER_YEAR = PERIOD_SECONDS.year / 86_400;
export const MINUTES_PER_YEAR = PERIOD_SECONDS.year / 60; // 525,960

export const DEFAULT_RISK_THRESHOLD = 0.25;

export interface RiskEstimates {
  readonly ettdMinutes: number | null;
  readonly ettrMinutes: number | null;
  readonly ettfDays: number | null;
  readonly impactFraction: number | null;
}

export interface RiskQuantitative {
  readonly occurrencesPerYear: number | null;
  readonly badMinutesPerYear: number | null;
  /** The service's yearly error budget in minutes; null for a cross-cutting risk. */
  readonly yearlyBudgetMinutes: number | null;
  /** Bad minutes over the yearly budget, a ratio (0.476 = 47.6 %). */
  readonly budgetShare: number | null;
  readonly unacceptable: boolean | null;
}

export function occurrencesPerYear(ettfDays: number | null): number | null {
  return ettfDays !== null && ettfDays > 0 ? DAYS_PER_YEAR / ettfDays : null;
}

export function badMinutesPerYear(e: RiskEstimates): number | null {
  const perYear = occurrencesPerYear(e.ettfDays);
  if (perYear === null || e.ettdMinutes === null || e.ettrMinutes === null || e.impactFraction === null) return null;
  return (e.ettdMinutes + e.ettrMinutes) * e.impactFraction * perYear;
}

/**
 * (1 − p) × 525,960 minutes with the budget maths of every other window (budgetSecondsFor, exact
 * in parts per billion; it scales any unit of duration): 262.98 minutes at 99.95 %, 525.96 at
 * 99.9 %, the nines table's year to the last digit.
 */
export function yearlyBudgetMinutes(sloTarget: number | null): number | null {
  return sloTarget === null ? null : budgetSecondsFor(sloTarget, MINUTES_PER_YEAR);
}

export function quantify(e: RiskEstimates, sloTarget: number | null, threshold: number): RiskQuantitative {
  const bad = badMinutesPerYear(e);
  const budget = yearlyBudgetMinutes(sloTarget);
  const budgetShare = bad !== null && budget !== null && budget > 0 ? bad / budget : null;
  return {
    occurrencesPerYear: occurrencesPerYear(e.ettfDays),
    badMinutesPerYear: bad,
    yearlyBudgetMinutes: budget,
    budgetShare,
    unacceptable: bad !== null && budget !== null ? bad > threshold * budget : null,
  };
}

/**
 * What is left of a service's yearly budget once its accepted risks are paid for:
 * yearly budget − Σ bad minutes per year of the accepted risks (those without estimates add
 * nothing, and are counted so the page can say the figure leaves them out). Negative when the
 * accepted risks alone would overspend the budget.
 */
export function unallocatedBudget(sloTarget: number, accepted: readonly RiskEstimates[]): { yearlyBudgetMinutes: number; acceptedBadMinutes: number; unallocatedMinutes: number; withoutEstimates: number } {
  const budget = yearlyBudgetMinutes(sloTarget) as number;
  let acceptedBadMinutes = 0;
  let withoutEstimates = 0;
  for (const risk of accepted) {
    const bad = badMinutesPerYear(risk);
    if (bad === null) withoutEstimates++;
    else acceptedBadMinutes += bad;
  }
  return { yearlyBudgetMinutes: budget, acceptedBadMinutes, unallocatedMinutes: budget - acceptedBadMinutes, withoutEstimates };
}

/**
 * The stack rank by bad minutes and the matrix rank disagree when a risk the matrix calls LOW or
 * MEDIUM is unacceptable by the budget, or a HIGH or CRITICAL one costs under a tenth of the
 * threshold. Returns why, or null when they agree (or there is nothing to compare).
 */
export function rankDisagreement(level: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL", q: RiskQuantitative, threshold: number): string | null {
  if (q.budgetShare === null) return null;
  if ((level === "LOW" || level === "MEDIUM") && q.unacceptable) return `${level} on the matrix, but costs more than ${formatShare(threshold)} of the yearly budget`;
  if ((level === "HIGH" || level === "CRITICAL") && q.budgetShare < threshold / 10) return `${level} on the matrix, but costs under ${formatShare(threshold / 10)} of the yearly budget`;
  return null;
}

function formatShare(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(3))} %`;
}

/**
 * Both ranks of each risk, 1 = worst: by matrix score and by bad minutes a year. Ties share a
 * rank (1, 2, 2, 4); risks without bad minutes have no budget rank.
 */
export function rankRisks<T extends { id: string; score: number; badMinutesPerYear: number | null }>(risks: readonly T[]): Map<string, { matrixRank: number; budgetRank: number | null }> {
  const rankBy = (items: readonly T[], value: (r: T) => number) => {
    const sorted = [...items].sort((a, b) => value(b) - value(a));
    const ranks = new Map<string, number>();
    sorted.forEach((r, i) => ranks.set(r.id, i > 0 && value(sorted[i - 1] as T) === value(r) ? (ranks.get((sorted[i - 1] as T).id) as number) : i + 1));
    return ranks;
  };
  const matrix = rankBy(risks, (r) => r.score);
  const budget = rankBy(risks.filter((r) => r.badMinutesPerYear !== null), (r) => r.badMinutesPerYear as number);
  return new Map(risks.map((r) => [r.id, { matrixRank: matrix.get(r.id) as number, budgetRank: budget.get(r.id) ?? null }]));
}
