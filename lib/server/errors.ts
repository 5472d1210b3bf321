// The small set of errors the app raises on purpose. lib/server/http.ts maps them to HTTP in one
// place; anything else is unexpected and becomes a logged 500 that reveals nothing.

import type { ErrorDto } from "@/lib/dto/errors";

export type Issue = { path: string; message: string };

export class AppError extends Error {
  /** Sent as Retry-After (seconds) when set: a 429 or a 503 says when to come back. */
  retryAfterSeconds?: number;
  constructor(
    readonly status: number,
    readonly code: ErrorDto["error"],
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(issues: Issue[], message = "The request is not valid") {
    super(400, "validation_failed", message, issues);
  }
  static field(path: string, message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in or send an API token") {
    super(401, "unauthenticated", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, key?: string) {
    super(404, "not_found", key ? `${entity} '${key}' was not found` : `${entity} was not found`);
  }
}

export class ConflictError extends AppError {
  /** For a stale edit: the version there is now, who made it and when. */
  current?: { version: number; changedBy: string; changedAt: string };
  constructor(message: string, issues?: Issue[]) {
    super(409, "conflict", message, issues);
  }
  static staleVersion(entity: string, current?: { version: number; changedBy: string; changedAt: string }): ConflictError {
    const who = current ? `by ${current.changedBy}` : "by someone else";
    const error = new ConflictError(`This ${entity} was changed ${who} since you read it; reload and apply your edit again`, [
      { path: "version", message: "stale version" },
    ]);
    error.current = current;
    return error;
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(message = "Send the body as JSON, with Content-Type: application/json") {
    super(415, "unsupported_media_type", message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, "rate_limited", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The database cannot be reached or does not answer in time: try again shortly. */
export class ServiceUnavailableError extends AppError {
  constructor(message = "The database is unavailable; try again in a few seconds", retryAfterSeconds = 5) {
    super(503, "unavailable", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
