import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { zodIssues } from "@/lib/schemas/issues";
import { AppError, ConflictError, NotFoundError, UnsupportedMediaTypeError, ValidationError } from "./errors";

type ErrorBody = { error: string; message: string; issues?: { path: string; message: string }[] };

/** Maps any thrown value to the JSON error contract. The only place errors become HTTP. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return new ValidationError(zodIssues(err));
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") {
      const path = uniqueFields(err.meta).join(".") || "id";
      return new ConflictError(`A record with this ${path} already exists`, [
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

// With driver adapters the violated fields sit under driverAdapterError; without, under target.
function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const cause = (meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } })
    ?.cause;
  return (cause?.constraint?.fields ?? []).map((f) => f.replace(/"/g, ""));
}
