/**
 * Calibration: the estimates of a risk beside what the incidents that realised it actually show.
 * Observed time to detect = start → detected; time to repair = detected → resolved (the CRE
 * method counts detection and repair separately); days between occurrences = mean gap between
 * consecutive starts; impact = mean fraction of the service the incidents hit. The bad minutes
 * those observations give use the same formula as the estimates, observed values where there are
 * any and the estimate elsewhere. Pure.
 */
import { MS_PER_DAY } from "./civil-date";
import { badMinutesPerYear, type RiskEstimates } from "./risk-budget";

export interface RealisedIncident {
  readonly startedAt: number;
  readonly detectedAt: number | null;
  readonly resolvedAt: number | null;
  /** The largest fraction the incident hit the risk's service with (any service if cross-cutting). */
  readonly impactFraction: number | null;
}

export interface ObservedFigure {
  readonly observed: number | null;
  /** Incidents (or gaps, for ETTF) that had what the figure needs. */
  readonly count: number;
}

export interface Calibration {
  readonly incidents: number;
  readonly ettdMinutes: ObservedFigure;
  readonly ettrMinutes: ObservedFigure;
  readonly ettfDays: ObservedFigure;
  readonly impactFraction: ObservedFigure;
  /** Bad minutes a year with the observed figures in place of the estimates they replace. */
  readonly badMinutesPerYear: number | null;
}

function mean(values: readonly number[]): ObservedFigure {
  if (values.length === 0) return { observed: null, count: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  return { observed: sum / values.length, count: values.length };
}

export function calibrate(incidents: readonly RealisedIncident[], estimates: RiskEstimates): Calibration {
  const sorted = [...incidents].sort((a, b) => a.startedAt - b.startedAt);
  const detect: number[] = [];
  const repair: number[] = [];
  const gaps: number[] = [];
  const impact: number[] = [];
  sorted.forEach((i, at) => {
    // A milestone before the one it is measured from is a data error, not a negative duration.
    if (i.detectedAt !== null && i.detectedAt >= i.startedAt) detect.push((i.detectedAt - i.startedAt) / 60_000);
    if (i.detectedAt !== null && i.resolvedAt !== null && i.resolvedAt >= i.detectedAt) repair.push((i.resolvedAt - i.detectedAt) / 60_000);
    if (i.impactFraction !== null) impact.push(i.impactFraction);
    const previous = sorted[at - 1];
    if (previous) gaps.push((i.startedAt - previous.startedAt) / MS_PER_DAY);
  });
  const figures = { ettdMinutes: mean(detect), ettrMinutes: mean(repair), ettfDays: mean(gaps), impactFraction: mean(impact) };
  const anyObserved = Object.values(figures).some((f) => f.observed !== null);
  const pick = (f: ObservedFigure, estimate: number | null) => f.observed ?? estimate;
  // Zero days between two incidents that started together would mean infinitely many a year.
  const ettf = pick(figures.ettfDays, estimates.ettfDays);
  return {
    incidents: incidents.length,
    ...figures,
    badMinutesPerYear: anyObserved
      ? badMinutesPerYear({
          ettdMinutes: pick(figures.ettdMinutes, estimates.ettdMinutes),
          ettrMinutes: pick(figures.ettrMinutes, estimates.ettrMinutes),
          ettfDays: ettf !== null && ettf > 0 ? ettf : null,
          impactFraction: pick(figures.impactFraction, estimates.impactFraction),
        })
      : null,
  };
}
