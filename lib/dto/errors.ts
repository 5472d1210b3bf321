// The error contract: every error the API answers is one of these JSON bodies, by status
// (lib/server/http.ts writes them; docs/conventions.md says when each is used).
import { z } from "zod";
import { LastChange } from "./audit";

export const FieldIssueDto = z.strictObject({ path: z.string(), message: z.string() });

/** Status → the `error` code its body carries. */
export const ERROR_CODES = {
  400: "validation_failed",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  415: "unsupported_media_type",
  429: "rate_limited",
  500: "internal_error",
  503: "unavailable",
} as const;
export type ErrorStatus = keyof typeof ERROR_CODES;
export const ERROR_STATUSES = Object.keys(ERROR_CODES).map(Number) as ErrorStatus[];

const base = <C extends string>(code: C) => ({ error: z.literal(code), message: z.string() });

/** 400: the request names fields that are wrong; `issues` says which and why (path "" = the whole body). */
export const ValidationErrorDto = z.strictObject({ ...base("validation_failed"), issues: z.array(FieldIssueDto).min(1) });

/**
 * 409: a duplicate (the field in `issues`), a state that forbids the change, or a stale `version`:
 * then `current` says which version is there now, who made it and when.
 */
export const ConflictErrorDto = z.strictObject({ ...base("conflict"), issues: z.array(FieldIssueDto).optional(), current: LastChange.optional() });

/** The body of an error, by status: the others carry their code and a message only. */
export const ERROR_BODIES: Record<ErrorStatus, z.ZodType> = {
  400: ValidationErrorDto,
  401: z.strictObject(base("unauthenticated")),
  403: z.strictObject(base("forbidden")),
  404: z.strictObject(base("not_found")),
  409: ConflictErrorDto,
  415: z.strictObject(base("unsupported_media_type")),
  429: z.strictObject(base("rate_limited")),
  /** Its message carries a reference that is also in the server's log. */
  500: z.strictObject(base("internal_error")),
  503: z.strictObject(base("unavailable")),
};

/** Any error body, as one type (what clients read). */
export type ErrorDto = { error: (typeof ERROR_CODES)[ErrorStatus]; message: string; issues?: z.infer<typeof FieldIssueDto>[]; current?: LastChange };
