import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { ErrorDto } from "@/lib/dto/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { zodIssues } from "@/lib/schemas/issues";
import { isDatabaseUnavailable } from "./db-errors";
import { AppError, ConflictError, NotFoundError, ServiceUnavailableError, UnsupportedMediaTypeError, ValidationError } from "./errors";

type ErrorBody = ErrorDto;

/** Maps any thrown value to the JSON error contract. The only place errors become HTTP. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return new ServiceUnavailableError();
  if (err instanceof z.ZodError) return new ValidationError(zodIssues(err));
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") {
      const fields = uniqueFields(err.meta);
      const path = fields[0] ?? "";
      return new ConflictError(fields.length ? `A record with this ${fields.join(" and ")} already exists` : "A record like this already exists", [
        { path, message: "already exists" },
      ]);
    }
    if (err.code === "P2025") return new NotFoundError("Record");
    if (err.code === "P2003") return new ConflictError("Other records still refer to this one");
  }
  return null;
}

export function errorResponse(err: unknown): NextResponse<ErrorBody> {
  const appError = toAppError(err);
  if (appError instanceof ServiceUnavailableError && !(err instanceof AppError)) {
    // Expected while the database is down: one line, not a stack per request.
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`[api] database unavailable: ${message.trim().split("\n").at(-1)}`);
  }
  if (!appError) {
    const id = crypto.randomUUID();
    console.error(`[api] unexpected error ${id}`, err);
    return NextResponse.json(
      { error: "internal_error", message: `Something went wrong (reference ${id})` },
      { status: 500 },
    );
  }
  const body: ErrorBody = { error: appError.code, message: appError.message };
  if (appError.issues) body.issues = appError.issues;
  if (appError instanceof ConflictError && appError.current) body.current = appError.current;
  const headers = appError.retryAfterSeconds === undefined ? undefined : { "retry-after": String(appError.retryAfterSeconds) };
  return NextResponse.json(body, { status: appError.status, headers });
}

/** application/json, or a +json type such as application/merge-patch+json. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Reads a JSON body; a malformed one is a 400, not a 500. A body sent as anything but JSON is a
 * 415: a form or text/plain body is what a cross-site page can send without asking the browser.
 */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  if (!JSON_TYPE.test(req.headers.get("content-type") ?? "")) throw new UnsupportedMediaTypeError();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw ValidationError.field("", "The body is not valid JSON");
  }
}

/** Validates with a zod schema, throwing the 400 the mapper understands. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(zodIssues(result.error));
  return result.data;
}

export function searchParamsObject(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}

type UniqueCause = { table?: string; constraint?: { fields?: string[]; index?: string } };

/**
 * The fields of a violated unique constraint. Without a driver adapter Prisma names them in
 * `target`; adapter-pg names the fields, or only the index. Prisma names an index
 * `<Table>_<field>_<field>_key` (a primary key `<Table>_pkey`), so the fields are read back from it.
 */
function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const cause = (meta?.driverAdapterError as { cause?: UniqueCause } | undefined)?.cause;
  if (cause?.constraint?.fields?.length) return cause.constraint.fields.map((f) => f.replace(/"/g, ""));
  const index = cause?.constraint?.index;
  const table = cause?.table;
  if (!index || !table || !index.startsWith(`${table}_`)) return [];
  if (index === `${table}_pkey`) return ["id"];
  return index.endsWith("_key") ? index.slice(table.length + 1, -"_key".length).split("_") : [];
}
