import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageWindow } from "./page-window";

describe("pageWindow", () => {
  it("712 rows in pages of 100: eight pages, the last holding 12", () => {
    expect(pageWindow(712, 1, 100)).toEqual({ page: 1, pages: 8, start: 0, end: 100, total: 712 });
    expect(pageWindow(712, 8, 100)).toEqual({ page: 8, pages: 8, start: 700, end: 712, total: 712 });
  });
  it("a page past the end is the last page; nothing is one empty page", () => {
    expect(pageWindow(712, 99, 100).page).toBe(8);
    expect(pageWindow(0, 3, 100)).toEqual({ page: 1, pages: 1, start: 0, end: 0, total: 0 });
    expect(pageWindow(5, Number.NaN, 100).page).toBe(1);
  });
  it("property: the pages cover every row once, in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 300 }), (total, perPage) => {
        const { pages } = pageWindow(total, 1, perPage);
        let next = 0;
        for (let p = 1; p <= pages; p++) {
          const w = pageWindow(total, p, perPage);
          expect(w.start).toBe(next);
          expect(w.end - w.start).toBeLessThanOrEqual(perPage);
          if (p < pages) expect(w.end - w.start).toBe(perPage);
          next = w.end;
        }
        expect(next).toBe(total);
      }),
    );
  });
});
