import "server-only";
import { errorResponse, toAppError } from "./http";

// The status page's forms work without JavaScript: a browser's form post is answered with a
// redirect back to a page that says what happened (an error beside the field it concerns); a
// script's JSON request with JSON, under the API's error contract.

/** Whether the request came from a browser page (a form post that wants HTML back). */
export const fromPage = (req: Request) => (req.headers.get("accept") ?? "").includes("text/html");

/** A form's fields, from a form post or a JSON body; empty fields are left out. */
export async function formFields(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return (await req.json().catch(() => ({}))) as Record<string, unknown>;
  const form = await req.formData().catch(() => new FormData());
  return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string" && v.trim() !== ""));
}

/**
 * 303 to `path` with what happened in its query. The Location is relative: the URL the server
 * sees may name another host than the reader's (a proxy, localhost), and a form's redirect to
 * another origin is refused by the page's `form-action 'self'`.
 */
export function backTo(path: string, query: Record<string, string>): Response {
  return new Response(null, { status: 303, headers: { location: `${path}?${new URLSearchParams(query)}` } });
}

/** An error: to a page, back to `path` with its message and field; to a script, the API's answer. */
export function formError(req: Request, err: unknown, path: string): Response {
  const known = toAppError(err);
  if (!fromPage(req) || !known || known.status >= 500) return errorResponse(err);
  const issue = known.issues?.[0];
  return backTo(path, { error: issue?.message ?? known.message, ...(issue?.path ? { field: issue.path } : {}) });
}
