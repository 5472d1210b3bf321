import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortSmall } from "./sort-small";

describe("sortSmall", () => {
  it("sorts like Array.prototype.sort, stably, at every length around the insertion-sort cut-off", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), tag: fc.nat() }), { maxLength: 40 }), (items) => {
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(sortSmall([...items], byKey)).toEqual([...items].sort(byKey));
      }),
    );
  });

  it("sorts in place and returns the same array", () => {
    const items = [3, 1, 2];
    expect(sortSmall(items, (a, b) => a - b)).toBe(items);
    expect(items).toEqual([1, 2, 3]);
  });
});
