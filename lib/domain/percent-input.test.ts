import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePercentText, sharePercentProblem, targetPercentProblem } from "./percent-input";

describe("percent typed in forms", () => {
  it("reads percent text as a ratio", () => {
    expect(parsePercentText("99.9")).toBe(0.999);
    expect(parsePercentText(" 99,95 % ")).toBe(0.9995);
    expect(parsePercentText("")).toBeNull();
    expect(parsePercentText("0.999x")).toBeNaN();
  });

  it("answers a target in percent, never in ratios", () => {
    expect(targetPercentProblem(parsePercentText("100"), true)).toBe("Enter a target below 100 % (100 % leaves no error budget): at most 99.99999 %");
    expect(targetPercentProblem(parsePercentText("40"), true)).toBe("Enter a target of at least 50 %");
    expect(targetPercentProblem(parsePercentText("abc"), true)).toBe("Enter a percentage such as 99.9");
    expect(targetPercentProblem(null, true)).toBe("Enter a target such as 99.9 %");
    expect(targetPercentProblem(null, false)).toBeNull();
    expect(targetPercentProblem(parsePercentText("99.99999"), true)).toBeNull();
  });

  it("answers a share in percent", () => {
    expect(sharePercentProblem(parsePercentText("0"))).toBe("Enter a share above 0 % (0 % is no impact)");
    expect(sharePercentProblem(parsePercentText("150"))).toBe("Enter a share of at most 100 %");
    expect(sharePercentProblem(parsePercentText("2"))).toBeNull();
  });

  it("no message for a target mentions a ratio such as 1 or 0.5 alone", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (n) => {
        const message = targetPercentProblem(parsePercentText(n.toFixed(3)), true);
        if (message) expect(message).not.toMatch(/\b(below|above|at most|at least) (1|0\.\d+)\b(?! ?%)/);
      }),
    );
  });
});
