import { uniformInt } from "pure-rand/distribution/uniformInt";
import { mersenne } from "pure-rand/generator/mersenne";

/** The demo's dice: seeded, so the same seed and the same "now" give the same organisation. */
export interface DemoRandom {
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** true with probability `p` (to 1/1000). */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function demoRandom(seed: number): DemoRandom {
  const rng = mersenne(seed);
  const int = (min: number, max: number) => uniformInt(rng, Math.ceil(min), Math.floor(max));
  return {
    int,
    chance: (p) => int(1, 1000) <= Math.round(p * 1000),
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
  };
}
