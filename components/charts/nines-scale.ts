// The "nines" scale charts draw availability on: -log10(unavailability), so 99 % is 2, 99.9 % is 3,
// 99.99 % is 4. On it 99.9 % and 99.99 % look as different as they are. A display transform only:
// the figures come computed from the server.

/** Below this, a bucket is drawn as "at least six nines" (a perfect bucket has no logarithm). */
export const NINES_FLOOR = 1e-6;
export const NINES_MAX = -Math.log10(NINES_FLOOR);

export function ninesOf(unavailability: number): number {
  return -Math.log10(Math.max(unavailability, NINES_FLOOR));
}

/** 3 → "99.9 %": the availability a height on the nines scale stands for. */
export function ninesLabel(nines: number): string {
  if (nines <= 0) return "0 %";
  const digits = Math.max(0, Math.ceil(nines) - 2);
  return `${(100 - 100 * 10 ** -nines).toFixed(digits)}\u00a0%`;
}

/** A bucket with figures: measured (part of it at least) after the service's measuredSince. */
export type MeasuredEntry<T extends { availability: number | null; unavailability: number | null; metTarget: boolean | null }> = T & {
  availability: number;
  unavailability: number;
  metTarget: boolean;
};

/** The buckets that have figures; those before measuredSince are no data, neither met nor missed. */
export function measuredEntries<T extends { availability: number | null; unavailability: number | null; metTarget: boolean | null }>(entries: readonly T[]): MeasuredEntry<T>[] {
  return entries.filter((e): e is MeasuredEntry<T> => e.availability !== null && e.unavailability !== null && e.metTarget !== null);
}
