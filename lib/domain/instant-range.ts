/**
 * The instants Nines accepts anywhere (request bodies, query strings, window labels) and can
 * always store and print: 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z. PostgreSQL and
 * JavaScript both reach further, but ISO 8601 without an expanded year stops at 9999, and nothing
 * an SRE team records happened before 1970.
 */
export const MIN_INSTANT_MS = 0;
export const MAX_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const MIN_INSTANT_ISO = "1970-01-01T00:00:00Z";
export const MAX_INSTANT_ISO = "9999-12-31T23:59:59.999Z";

export function isAcceptedInstant(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS;
}

/**
 * The longest window the engine is built for, about ten years: a rolling window's limit, and
 * that of a range. Longer ones are refused where they come in (the window label's parser).
 */
export const MAX_WINDOW_DAYS = 3660;
export const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 86_400_000;
