import fc from "fast-check";

// Values of the shapes people and scripts actually send wrong: wrong types, extremes, unicode,
// instants at and beyond the edges of what PostgreSQL and JavaScript hold, numbers from the
// smallest positive double to the largest.

export const extremeInstant = fc.constantFrom(
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "1969-12-31T23:59:59.999Z",
  "1970-01-01T00:00:00Z",
  "1970-01-01T00:00:00.001Z",
  "9999-12-31T23:59:59.999Z",
  "9999-12-31T23:59:59.999-12:00",
  "+010000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "2026-02-30T00:00:00Z",
  "2026-11-30T10:00:00+14:00",
  "2026-11-30T10:00:00.123456789Z",
  "2026-11-30T24:00:00Z",
  "2026-11-30",
  "2026-11-30T10:00:00",
  "now",
  "",
);

/** Any instant JavaScript can hold, as ISO, with the edges drawn often. */
export const anyInstant = fc.oneof(
  extremeInstant,
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  // Plausible ones too, so that some requests get past validation and reach the engine.
  fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
);

export const extremeNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, Number.MIN_VALUE, 1e-300, 1e-9, 1e-6, 0.5, 0.9999999, 0.99999999, 1 - Number.EPSILON, 1 + Number.EPSILON, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 53 + 2, 99, 100, 3650, 3661),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

export const windowLabel = fc.oneof(
  fc.constantFrom(
    "month:2026-11",
    "week:2026-W48",
    "week:2026-W53",
    "year:1970",
    "year:9999",
    "month:9999-12",
    "month:0000-01",
    "quarter:2026-Q5",
    "day:2026-02-29",
    "rolling:3660d",
    "rolling:3661d",
    "rolling:87840h",
    "rolling:0d",
    "rolling:1h",
    "range:1970-01-01T00:00:00Z/1980-01-01T00:00:00Z",
    "range:2026-11-30T00:00:00Z/2026-11-30T00:00:00.001Z",
  ),
  fc.tuple(anyInstant, anyInstant).map(([a, b]) => `range:${a}/${b}`),
  fc.string({ maxLength: 20 }),
);

export const anyValue = fc.oneof(
  fc.string(),
  // Any code point, NUL and other control characters included: PostgreSQL refuses NUL in text.
  fc.string({ unit: "binary", maxLength: 12 }),
  extremeNumber,
  fc.boolean(),
  fc.constant(null),
  anyInstant,
  windowLabel,
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }),
);

/** A body of some of `fields` (and now and then a field no schema has). */
export function bodyOf(fields: readonly string[]) {
  return fc.dictionary(fc.constantFrom(...fields, "unknownField"), anyValue, { maxKeys: 6 });
}

/** A query string of some of `params`, each value as text (instants, labels, numbers, junk). */
export function queryOf(params: readonly string[]) {
  const text = fc.oneof(fc.string({ maxLength: 12 }), anyInstant, windowLabel, extremeNumber.map(String), fc.constantFrom("true", "false", "1", "SEV1,SEV2", "open", "day", "week", "month"));
  return fc.dictionary(fc.constantFrom(...params, "unknown"), text, { maxKeys: 4 }).map((q) => `/x?${new URLSearchParams(q).toString()}`);
}
