/**
 * Error budgets and burn rates (docs/domain.md "Error budgets"), plus the one-call-per-service summary the
 * server uses (availability + budget + attribution from a single sweep).
 */

import { type AvailabilityResult, type IncidentAttribution, summarizeWindow, type WindowBounds } from "./availability";
import { budgetBurnDown, type BurnDownPoint } from "./burn-down";
import { budgetState, burnState, type BudgetState, type BurnRule, type BurnState } from "./burn-state";
import { MAX_INSTANT_MS } from "./instant-range";
import { measuredPart } from "./measured";
import { buildTimeline, type Impact, integrate, type MaintenanceRule } from "./timeline";

const PPB = 1_000_000_000;

/**
 * (1 − p) in parts per billion, as an exact integer.
 *
 * In doubles 1 − 0.999 = 0.0010000000000000009, which would make a 30-day budget
 * 2592.0000000000023 s instead of 2592 s. Snapping the target to the nearest ppb first (the schema
 * allows at most 0.9999999, i.e. 100 ppb) makes the complement an integer, and a single division
 * of exact integers is correctly rounded, so the nines come out exactly.
 */
export function complementPpb(target: number): number {
  if (!(target >= 0 && target < 1)) throw new RangeError(`SLO target must be in [0, 1), got ${target}`);
  const ppb = PPB - Math.round(target * PPB);
  if (ppb <= 0) throw new RangeError(`SLO target ${target} leaves no error budget at ppb precision`);
  return ppb;
}

/** 1 − p, robustly (see complementPpb). */
export function targetComplement(target: number): number {
  return complementPpb(target) / PPB;
}

/**
 * (1 − p) × duration, in the duration's unit (seconds for windows; a risk's yearly budget passes
 * minutes). Correctly rounded (so equal to the decimal figure) while complementPpb × duration <
 * 2^53: any 30-day window at any schema target, a year in seconds at 99 %, a year in minutes at any.
 */
export function budgetSecondsFor(target: number, durationSeconds: number): number {
  return (complementPpb(target) * durationSeconds) / PPB;
}

/**
 * The lookbacks burn rates are reported over: the four long windows of the SRE workbook's
 * multi-window, multi-burn-rate rules and their short companions (burn-state.ts), so that a state
 * clears soon after an incident ends.
 */
/** A window met its SLO when its availability reached the target; no data meets nothing (null). */
export function meetsTarget(availability: number | null, target: number): boolean | null {
  return availability === null ? null : availability >= target;
}

export const BURN_LOOKBACKS = {
  "5m": 5 * 60_000,
  "30m": 30 * 60_000,
  "1h": 3_600_000,
  "2h": 2 * 3_600_000,
  "6h": 6 * 3_600_000,
  "1d": 86_400_000,
  "3d": 3 * 86_400_000,
} as const;

export type BurnLookback = keyof typeof BURN_LOOKBACKS;

/** How far before asOf the burn rates look: the summary's timeline must reach back this far. */
export const LONGEST_BURN_LOOKBACK = Math.max(...Object.values(BURN_LOOKBACKS));

export type BurnRates = Readonly<Record<BurnLookback | "window", number>>;

export interface ErrorBudget {
  readonly target: number;
  readonly budgetSeconds: number;
  readonly consumedSeconds: number;
  /** Negative when overspent. */
  readonly remainingSeconds: number;
  /** remaining / budget; 1 for a zero-length window. */
  readonly remainingRatio: number;
  readonly overspent: boolean;
  /** 1.0 = spending exactly at the pace that uses the whole budget by the window's end. */
  readonly burnRates: BurnRates;
  /** Projected instant (epoch ms) the budget runs out at the window's average pace, or null. */
  readonly exhaustionAt: number | null;
  /** Why exhaustionAt is what it is. */
  readonly exhaustion: ExhaustionOutlook;
  /** The stock: healthy, under 25 % left, or overspent (burn-state.ts). */
  readonly budgetState: BudgetState;
  /** The pace, by the multi-window rules (burn-state.ts), and the rule that fired. */
  readonly burnState: BurnState;
  readonly burnRule: BurnRule | null;
}

/**
 * `projected`: exhaustionAt is set. `none_consumed`: nothing counted yet, so no pace to project.
 * `exhausted`: nothing remains. `beyond_range`: the pace is so slow that the instant lies after
 * 9999-12-31 (a 1 ms outage in a month), which no instant Nines prints can say.
 */
export type ExhaustionOutlook = "projected" | "none_consumed" | "exhausted" | "beyond_range";

/** Exhaustion = now + remaining × elapsed / consumed, when both are positive (docs/domain.md "Error budgets"). */
export function projectExhaustion(args: {
  asOf: number;
  remainingSeconds: number;
  elapsedSeconds: number;
  consumedSeconds: number;
}): { at: number | null; outlook: ExhaustionOutlook } {
  const { asOf, remainingSeconds, elapsedSeconds, consumedSeconds } = args;
  if (!(consumedSeconds > 0)) return { at: null, outlook: "none_consumed" };
  if (!(remainingSeconds > 0)) return { at: null, outlook: "exhausted" };
  // Divide first: remaining × elapsed may overflow where the quotient would not.
  const at = asOf + (remainingSeconds / consumedSeconds) * elapsedSeconds * 1000;
  if (!(at <= MAX_INSTANT_MS)) return { at: null, outlook: "beyond_range" };
  return { at, outlook: "projected" };
}

export interface ErrorBudgetInput {
  readonly target: number;
  readonly from: number;
  readonly to: number;
  readonly asOf: number;
  /** Counted downtime in seconds over [from, to) under the SLO's maintenance rule. */
  readonly countedSeconds: (from: number, to: number) => number;
  /**
   * Burn lookbacks start no earlier than this (the service's measuredSince): a lookback reaching
   * before it is a rate over its measured part. The window itself is passed already cut to it.
   */
  readonly measuredSince: number | null;
}

export function errorBudget(input: ErrorBudgetInput): ErrorBudget {
  const { target, from, to, asOf } = input;
  const complement = targetComplement(target);
  const end = Math.max(from, Math.min(to, asOf));
  const elapsedSeconds = (end - from) / 1000;
  const budgetSeconds = budgetSecondsFor(target, (to - from) / 1000);
  const consumedSeconds = end > from ? input.countedSeconds(from, end) : 0;
  const remainingSeconds = budgetSeconds - consumedSeconds;

  const rate = (counted: number, seconds: number): number => (seconds > 0 ? counted / seconds / complement : 0);
  const burn = (lookbackMs: number): number => {
    const start = Math.max(asOf - lookbackMs, input.measuredSince ?? Number.NEGATIVE_INFINITY);
    return start < asOf ? rate(input.countedSeconds(start, asOf), (asOf - start) / 1000) : 0;
  };
  const burnRates = { window: rate(consumedSeconds, elapsedSeconds) } as Record<BurnLookback | "window", number>;
  for (const [name, ms] of Object.entries(BURN_LOOKBACKS)) burnRates[name as BurnLookback] = burn(ms);

  const exhaustion = projectExhaustion({ asOf, remainingSeconds, elapsedSeconds, consumedSeconds });
  const remainingRatio = budgetSeconds > 0 ? remainingSeconds / budgetSeconds : 1;
  const pace = burnState(burnRates);
  return {
    target,
    budgetSeconds,
    consumedSeconds,
    remainingSeconds,
    remainingRatio,
    overspent: remainingSeconds < 0,
    burnRates,
    exhaustionAt: exhaustion.at,
    exhaustion: exhaustion.outlook,
    budgetState: budgetState(remainingRatio),
    burnState: pace.state,
    burnRule: pace.rule,
  };
}

export interface AttributedIncident extends IncidentAttribution {
  /** Share of the window's whole budget this incident used (may exceed 1). */
  readonly budgetShare: number;
}

export interface ServiceSummaryInput {
  readonly impacts: readonly Impact[];
  readonly target: number;
  readonly maintenance: MaintenanceRule;
  readonly window: WindowBounds;
  readonly asOf: number;
  /** The service's measuredSince (measured.ts): figures are of the window's measured part. */
  readonly measuredSince: number | null;
  /** Also the budget's burn-down across the window, in at most this many points. */
  readonly burnDownPoints?: number;
}

export interface ServiceSummary {
  readonly availability: AvailabilityResult;
  /** Of the window's measured part; null when it has none (no data). */
  readonly errorBudget: ErrorBudget | null;
  readonly incidents: readonly AttributedIncident[];
  readonly burnDown?: readonly BurnDownPoint[];
}

/**
 * Everything the service pages show, from one sweep. The timeline spans both the window and the
 * longest burn lookback before asOf, which may reach outside the window.
 */
export function summarizeService(input: ServiceSummaryInput): ServiceSummary {
  const { window, asOf, target } = input;
  if (!(Number.isFinite(window.from) && Number.isFinite(window.to) && Number.isFinite(asOf) && window.to >= window.from)) {
    throw new RangeError("summarizeService needs finite instants and window.from <= window.to");
  }
  const timeline = buildTimeline(
    input.impacts,
    { from: Math.min(window.from, asOf - LONGEST_BURN_LOOKBACK), to: Math.max(window.to, asOf), asOf },
    input.maintenance,
  );
  const availability = summarizeWindow(timeline, window, asOf, input.measuredSince);
  const part = measuredPart(window, asOf, input.measuredSince);
  if (part === null) return { availability, errorBudget: null, incidents: [], ...(input.burnDownPoints ? { burnDown: [] } : {}) };
  const budget = errorBudget({
    target,
    from: part.from,
    to: part.to,
    asOf,
    countedSeconds: (a, b) => integrate(timeline, a, b).countedMs / 1000,
    measuredSince: input.measuredSince,
  });
  const incidents = availability.incidents.map((incident) => ({
    incidentId: incident.incidentId,
    kind: incident.kind,
    downtimeSeconds: incident.downtimeSeconds,
    budgetShare: budget.budgetSeconds > 0 ? incident.downtimeSeconds / budget.budgetSeconds : 0,
  }));
  const burnDown = input.burnDownPoints ? budgetBurnDown(timeline, part, asOf, budget.budgetSeconds, input.burnDownPoints) : undefined;
  return { availability, errorBudget: budget, incidents, ...(burnDown ? { burnDown } : {}) };
}
