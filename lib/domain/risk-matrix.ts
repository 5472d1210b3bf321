/**
 * The qualitative risk matrix (docs/domain.md "Risks"), kept as data: its 25 cells, the four levels
 * with their score ranges, labels and colours. The score is looked up, never multiplied: it is a
 * rank, so risks are sorted and counted by it, never summed or averaged. Pure.
 */

export const LIKELIHOODS = ["A", "B", "C", "D", "E"] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const CONSEQUENCES = [1, 2, 3, 4, 5] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

export const LIKELIHOOD_LABELS: Record<Likelihood, string> = {
  A: "Almost certain",
  B: "Likely",
  C: "Possible",
  D: "Unlikely",
  E: "Rare",
};

/** Each likelihood in a sentence, for hints beside the choice. */
export const LIKELIHOOD_MEANINGS: Record<Likelihood, string> = {
  A: "Almost certain to occur in most circumstances",
  B: "Likely to occur frequently",
  C: "Possibly and likely to occur at some time",
  D: "Unlikely to occur but could happen",
  E: "May occur but only in rare circumstances",
};

export const CONSEQUENCE_LABELS: Record<Consequence, string> = {
  1: "Insignificant",
  2: "Minor",
  3: "Moderate",
  4: "Major",
  5: "Catastrophic",
};

/** Scores by likelihood (rows), consequence 1..5 (columns): the table in docs/domain.md, cell for cell. */
export const RISK_SCORES: Readonly<Record<Likelihood, readonly [number, number, number, number, number]>> = {
  A: [8, 16, 18, 23, 25],
  B: [7, 10, 17, 20, 24],
  C: [3, 9, 12, 19, 22],
  D: [2, 5, 11, 14, 21],
  E: [1, 4, 6, 13, 15],
};

export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskLevelInfo {
  readonly level: RiskLevel;
  readonly label: string;
  readonly minScore: number;
  readonly maxScore: number;
  /** The level's hue (the conventional green, amber, orange, red); pages tint cells with it. */
  readonly colour: string;
}

export const RISK_LEVEL_INFO: readonly RiskLevelInfo[] = [
  { level: "LOW", label: "Low", minScore: 1, maxScore: 6, colour: "#2e9d4f" },
  { level: "MEDIUM", label: "Medium", minScore: 7, maxScore: 15, colour: "#e0b000" },
  { level: "HIGH", label: "High", minScore: 16, maxScore: 22, colour: "#ec7a16" },
  { level: "CRITICAL", label: "Critical", minScore: 23, maxScore: 25, colour: "#d92d20" },
];

export const RISK_ASSESSMENTS = ["inherent", "current", "target"] as const;
export type RiskAssessmentName = (typeof RISK_ASSESSMENTS)[number];

export const RISK_ASSESSMENT_LABELS: Record<RiskAssessmentName, string> = {
  inherent: "Inherent (no controls)",
  current: "Current",
  target: "Target (after mitigation)",
};

export interface Assessment {
  readonly likelihood: Likelihood;
  readonly consequence: Consequence;
}

export interface ScoredAssessment extends Assessment {
  readonly score: number;
  readonly level: RiskLevel;
}

export function isLikelihood(value: unknown): value is Likelihood {
  return typeof value === "string" && (LIKELIHOODS as readonly string[]).includes(value);
}

export function isConsequence(value: unknown): value is Consequence {
  return typeof value === "number" && (CONSEQUENCES as readonly number[]).includes(value);
}

export function riskScore(likelihood: Likelihood, consequence: Consequence): number {
  return RISK_SCORES[likelihood][consequence - 1] as number;
}

export function levelInfo(level: RiskLevel): RiskLevelInfo {
  return RISK_LEVEL_INFO.find((l) => l.level === level) as RiskLevelInfo;
}

/** The level a score falls in; a score outside 1–25 is a programming error. */
export function riskLevel(score: number): RiskLevel {
  const info = RISK_LEVEL_INFO.find((l) => score >= l.minScore && score <= l.maxScore);
  if (!info) throw new RangeError(`A risk score is 1–25, not ${score}`);
  return info.level;
}

export function scoreAssessment(a: Assessment): ScoredAssessment {
  const score = riskScore(a.likelihood, a.consequence);
  return { likelihood: a.likelihood, consequence: a.consequence, score, level: riskLevel(score) };
}

/** "B4": a cell's short name, likelihood then consequence. */
export function cellName(a: Assessment): string {
  return `${a.likelihood}${a.consequence}`;
}

export function parseCellName(text: string): Assessment | null {
  const m = /^([A-E])([1-5])$/.exec(text.trim().toUpperCase());
  return m ? { likelihood: m[1] as Likelihood, consequence: Number(m[2]) as Consequence } : null;
}

/**
 * A target worse than the current assessment plans for things to get worse: refused. "Worse" is
 * a higher score, the matrix's own order (C4 = 19 is worse than B3 = 17).
 */
export function targetIsWorse(current: Assessment, target: Assessment): boolean {
  return riskScore(target.likelihood, target.consequence) > riskScore(current.likelihood, current.consequence);
}

/** Counts per cell, every one of the 25 present (zero where no risk sits), in row order. */
export function heatMapCounts(cells: readonly Assessment[]): { likelihood: Likelihood; consequence: Consequence; score: number; level: RiskLevel; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(cellName(c), (counts.get(cellName(c)) ?? 0) + 1);
  return LIKELIHOODS.flatMap((likelihood) =>
    CONSEQUENCES.map((consequence) => ({ ...scoreAssessment({ likelihood, consequence }), count: counts.get(`${likelihood}${consequence}`) ?? 0 })),
  );
}

/** Counts per level, for the headline; the matrix is summarised by counts, never by sums. */
export function levelCounts(levels: readonly RiskLevel[]): Record<RiskLevel, number> {
  const out: Record<RiskLevel, number> = { LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
  for (const l of levels) out[l]++;
  return out;
}
