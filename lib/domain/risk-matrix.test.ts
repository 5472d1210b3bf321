import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellName, CONSEQUENCES, heatMapCounts, LIKELIHOODS, parseCellName, RISK_LEVEL_INFO, riskLevel, riskScore, scoreAssessment, targetIsWorse, type Consequence, type Likelihood } from "./risk-matrix";

// The matrix in docs/domain.md "Risks", copied by hand (not from the module under test).
const MATRIX_CELLS: [Likelihood, Consequence, string, number][] = [
  ["A", 1, "MEDIUM", 8], ["A", 2, "HIGH", 16], ["A", 3, "HIGH", 18], ["A", 4, "CRITICAL", 23], ["A", 5, "CRITICAL", 25],
  ["B", 1, "MEDIUM", 7], ["B", 2, "MEDIUM", 10], ["B", 3, "HIGH", 17], ["B", 4, "HIGH", 20], ["B", 5, "CRITICAL", 24],
  ["C", 1, "LOW", 3], ["C", 2, "MEDIUM", 9], ["C", 3, "MEDIUM", 12], ["C", 4, "HIGH", 19], ["C", 5, "HIGH", 22],
  ["D", 1, "LOW", 2], ["D", 2, "LOW", 5], ["D", 3, "MEDIUM", 11], ["D", 4, "MEDIUM", 14], ["D", 5, "HIGH", 21],
  ["E", 1, "LOW", 1], ["E", 2, "LOW", 4], ["E", 3, "LOW", 6], ["E", 4, "MEDIUM", 13], ["E", 5, "MEDIUM", 15],
];

describe("risk matrix", () => {
  it.each(MATRIX_CELLS)("%s%s is %s %i", (likelihood, consequence, level, score) => {
    expect(scoreAssessment({ likelihood, consequence })).toEqual({ likelihood, consequence, score, level });
  });

  it("has 25 distinct scores, 1 to 25: a rank, not a product", () => {
    const scores = LIKELIHOODS.flatMap((l) => CONSEQUENCES.map((c) => riskScore(l, c))).sort((a, b) => a - b);
    expect(scores).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it.each([
    [1, "LOW"], [6, "LOW"], [7, "MEDIUM"], [15, "MEDIUM"], [16, "HIGH"], [22, "HIGH"], [23, "CRITICAL"], [25, "CRITICAL"],
  ] as const)("score %i is %s", (score, level) => expect(riskLevel(score)).toBe(level));

  it.each([0, 26, 6.5, Number.NaN])("refuses score %s", (score) => expect(() => riskLevel(score)).toThrow(RangeError));

  it("levels cover 1–25 without gap or overlap", () => {
    const covered = RISK_LEVEL_INFO.flatMap((l) => Array.from({ length: l.maxScore - l.minScore + 1 }, (_, i) => l.minScore + i));
    expect(covered).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("a target is worse only with a higher score", () => {
    expect(targetIsWorse({ likelihood: "B", consequence: 3 }, { likelihood: "C", consequence: 4 })).toBe(true); // 17 → 19
    expect(targetIsWorse({ likelihood: "C", consequence: 4 }, { likelihood: "B", consequence: 3 })).toBe(false);
    expect(targetIsWorse({ likelihood: "C", consequence: 4 }, { likelihood: "C", consequence: 4 })).toBe(false);
  });

  it("cell names round-trip", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LIKELIHOODS), fc.constantFrom(...CONSEQUENCES), (likelihood, consequence) => {
        expect(parseCellName(cellName({ likelihood, consequence }))).toEqual({ likelihood, consequence });
      }),
    );
    expect(parseCellName("b4")).toEqual({ likelihood: "B", consequence: 4 });
    for (const bad of ["F1", "A0", "A6", "", "AA1"]) expect(parseCellName(bad)).toBeNull();
  });

  it("heat map counts every cell, zeros included, and the counts add up", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ likelihood: fc.constantFrom(...LIKELIHOODS), consequence: fc.constantFrom(...CONSEQUENCES) })), (cells) => {
        const map = heatMapCounts(cells);
        expect(map).toHaveLength(25);
        expect(map.reduce((n, c) => n + c.count, 0)).toBe(cells.length);
      }),
    );
    const map = heatMapCounts([{ likelihood: "B", consequence: 4 }, { likelihood: "B", consequence: 4 }]);
    expect(map.find((c) => c.likelihood === "B" && c.consequence === 4)).toMatchObject({ count: 2, score: 20, level: "HIGH" });
  });
});
