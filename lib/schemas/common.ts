import { z } from "zod";
import { isAcceptedInstant, MAX_INSTANT_ISO, MIN_INSTANT_ISO } from "@/lib/domain/instant-range";
import { SLO_TARGET_MAX, SLO_TARGET_MIN } from "@/lib/domain/percent-input";
import { isValidTimeZone } from "@/lib/domain/time-zone";
import { parseIsoInstant } from "@/lib/domain/window-labels";

// PostgreSQL cannot store NUL in text, and other control characters are never meant: refuse them
// in every free-text field and query string, so they get a 400 naming the field, not a 500.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A string of printable text (tabs and line breaks allowed). */
export const PlainString = (message = "Must be text") =>
  z.string({ error: message }).refine((s) => !CONTROL_CHARACTERS.test(s), { error: "Must not contain control characters" });

export function hasControlCharacters(s: string): boolean {
  return CONTROL_CHARACTERS.test(s);
}

const INSTANT_FORMAT = "Must be an ISO 8601 instant with a zone, e.g. 2026-04-03T10:00:00Z";

/**
 * An instant with its zone (a bare local time would be ambiguous across zones), on the calendar,
 * and within the one range Nines accepts everywhere, bodies and query strings alike
 * (lib/domain/instant-range.ts). Parsed by the same function as the instants of window labels.
 */
export const Instant = z.string({ error: INSTANT_FORMAT }).transform((text, ctx) => {
  const ms = parseIsoInstant(text.trim());
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: INSTANT_FORMAT });
    return z.NEVER;
  }
  if (!isAcceptedInstant(ms)) {
    ctx.addIssue({ code: "custom", message: `Must be between ${MIN_INSTANT_ISO} and ${MAX_INSTANT_ISO}` });
    return z.NEVER;
  }
  return new Date(ms);
});

export const Slug = z
  .string({ error: "Required" })
  .trim()
  .min(2, { error: "Must be at least 2 characters" })
  .max(64, { error: "Must be at most 64 characters" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "Use lowercase letters, digits and single hyphens, e.g. checkout-api",
  });

export const Name = PlainString("Required")
  .trim()
  .min(1, { error: "Required" })
  .max(120, { error: "Must be at most 120 characters" });

export const Text = (max = 5000) => PlainString().trim().max(max, { error: `Must be at most ${max} characters` });

/**
 * A whole number from a query string, within [min, max]. Digits only: `Number("")` is 0 and
 * `Number("1e1")` is 10, so coercion alone would read `?limit=` as zero.
 */
export const QueryInt = (min: number, max: number) =>
  z
    .string({ error: "Must be a number" })
    .trim()
    .regex(/^-?\d+$/, { error: "Must be a whole number" })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `Must be at least ${min}` })
        .max(max, { error: `Must be at most ${max}` }),
    );

/** A query's tier: a rank (digits, 1–99) or a tier id. */
export const TierFilter = PlainString()
  .trim()
  .max(64, { error: "Must be a tier rank or id" })
  .transform((s, ctx): { rank: number } | { id: string } => {
    if (!/^\d+$/.test(s)) return { id: s };
    const rank = Number(s);
    if (rank < 1 || rank > 99) ctx.addIssue({ code: "custom", message: "A tier rank is from 1 to 99" });
    return { rank };
  });
export type TierFilter = z.infer<typeof TierFilter>;

/** An SLO target as a ratio: 0.999 = 99.9 %. 100 % would leave no error budget at all. */
export const SloTarget = z
  .number({ error: "Must be a number, e.g. 0.999 for 99.9 %" })
  .min(SLO_TARGET_MIN, { error: "Must be at least 0.5 (50 %)" })
  .max(SLO_TARGET_MAX, { error: "Must be below 1 (100 % leaves no error budget); at most 0.9999999" });

export const SLO_WINDOWS = ["rolling:30d", "rolling:28d", "week", "month", "quarter"] as const;

export const SloWindow = z
  .string({ error: "Required" })
  .regex(/^(rolling:([1-9]|[1-9][0-9]|[1-3][0-9][0-9])d|week|month|quarter)$/, {
    error: "Must be rolling:<days>d (1–399), week, month or quarter",
  });

export const MaintenanceRule = z.enum(["count", "exclude"], {
  error: "Must be count or exclude",
});

export const Version = z
  .number({ error: "Must be the version number you read" })
  .int({ error: "Must be a whole number" })
  .positive({ error: "Must be positive" });

export const TimeZone = z
  .string({ error: "Required" })
  .trim()
  .min(1, { error: "Required" })
  .refine(isValidTimeZone, { error: "Must be an IANA time zone, e.g. Europe/Berlin or UTC" });

export const RoleName = z.enum(["viewer", "editor", "admin"], {
  error: "Must be viewer, editor or admin",
});

/** Query flags like ?archived=true. */
export const BooleanFlag = z
  .enum(["true", "false", "1", "0"], { error: "Must be true or false" })
  .transform((v) => v === "true" || v === "1");

/** A query's comma-separated list of allowed values, e.g. ?severity=SEV1,SEV2, typed as those values. */
export const CommaList = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    // One issue on the parameter itself: a query string has no ".0" element to point at.
    .refine((list): list is T[number][] => list.every((v) => (values as readonly string[]).includes(v)), { error: `Must be ${label}` })
    .transform((list) => list as T[number][]);

/**
 * An http(s) URL of at most 2,000 characters without credentials in it; `extra` adds a rule of the
 * field's own (a datasource's URL is a base URL, without query or fragment).
 */
export function HttpUrl(example: string, opts: { credentials: string; extra?: (url: URL, ctx: z.RefinementCtx) => void }) {
  return PlainString(`Must be a URL, e.g. ${example}`)
    .trim()
    .max(2000, { error: "Must be at most 2000 characters" })
    .superRefine((text, ctx) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        ctx.addIssue({ code: "custom", message: `Must be a URL, e.g. ${example}` });
        return;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") ctx.addIssue({ code: "custom", message: "Must be http or https" });
      if (url.username || url.password) ctx.addIssue({ code: "custom", message: opts.credentials });
      opts.extra?.(url, ctx);
    });
}
