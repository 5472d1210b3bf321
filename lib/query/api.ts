import type { FieldIssue } from "@/lib/schemas/issues";

/**
 * The JSON API's error contract ({ error, message?, issues? }) as a throwable, so React Query's
 * `error` carries everything a form needs: status for 409 vs 400, issues for per-field messages.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** On a stale-version 409: the version there now, who made it and when. */
    readonly current?: { version: number; changedBy: string; changedAt: string },
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ErrorBody = { error?: unknown; message?: unknown; issues?: unknown; current?: unknown };

function isCurrent(value: unknown): value is ApiError["current"] {
  const v = value as { version?: unknown; changedBy?: unknown; changedAt?: unknown } | null;
  return typeof v === "object" && v !== null && typeof v.version === "number" && typeof v.changedBy === "string" && typeof v.changedAt === "string";
}

function isIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === "object" && value !== null &&
    typeof (value as FieldIssue).path === "string" &&
    typeof (value as FieldIssue).message === "string"
  );
}

// Fallbacks for bodies that are not the API's JSON (proxy pages, crashes): say what to do.
function defaultMessage(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again and retry.";
  if (status === 403) return "Your role does not allow this.";
  if (status === 404) return "This no longer exists. Reload the page.";
  if (status >= 500) return "The server had a problem. Try again in a moment.";
  return `The request failed (HTTP ${status}).`;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // Not JSON: keep the status-based message.
  }
  const code = typeof body.error === "string" ? body.error : "http_error";
  const message = typeof body.message === "string" ? body.message : defaultMessage(res.status);
  const issues = Array.isArray(body.issues) ? body.issues.filter(isIssue) : [];
  return new ApiError(res.status, code, message, issues, isCurrent(body.current) ? body.current : undefined);
}

/** Same-origin JSON request with the session cookie; resolves to the body or throws ApiError. */
export async function apiRequest<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network_error", "Could not reach Nines. Check your connection and try again.");
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
