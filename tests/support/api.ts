import { NextRequest } from "next/server";
import { responseProblems } from "@/lib/schemas/response-check";
import { routeOfHandler } from "./routes";

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Response | Promise<Response>;

/** Any route handler, whatever its params: for tables of routes. */
export type AnyRoute = (req: NextRequest, ctx: { params: Promise<any> }) => Promise<Response>;

export type CallResult<T = any> = { status: number; body: T; headers: Headers };

/**
 * Calls a route handler the way Next.js does: a real Request in, a real Response out, with the
 * same auth header, JSON body and params a client would send. Every response is checked against
 * the route table (lib/schemas/routes.ts): its status must be one the table lists for the route,
 * and its body must be what the table's schema for that status says (strict: an unknown key
 * fails), else the call throws, so the API document cannot drift from what the code answers.
 */
export async function call<P = Record<string, string>, T = any>(
  handler: Handler<P>,
  opts: {
    method?: string;
    path?: string;
    token?: string | null;
    /** A session cookie's value (see sessionCookie in fixtures.ts). */
    cookie?: string;
    body?: unknown;
    rawBody?: string;
    params?: P;
    headers?: Record<string, string>;
  } = {},
): Promise<CallResult<T>> {
  const route = await routeOfHandler(handler);
  const headers = new Headers({ "content-type": "application/json", ...opts.headers });
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  if (opts.cookie) headers.set("cookie", `next-auth.session-token=${opts.cookie}`);
  const init: { method: string; headers: Headers; body?: string } = { method: opts.method ?? "GET", headers };
  if (opts.rawBody !== undefined) init.body = opts.rawBody;
  else if (opts.body !== undefined) init.body = JSON.stringify(opts.body);
  const req = new NextRequest(new URL(opts.path ?? "/api/test", "http://localhost"), init);
  // As Next does: routes without dynamic segments get no params.
  const res = await handler(req, { params: Promise.resolve(opts.params as P) });
  const text = await res.text();
  // JSON unless the route says otherwise (CSV and Markdown exports come back as text).
  const json = (res.headers.get("content-type") ?? "application/json").includes("json");
  const body = text ? (json ? JSON.parse(text) : text) : null;
  const problems = responseProblems(route, { status: res.status, contentType: res.headers.get("content-type"), body });
  if (problems.length) throw new ResponseDriftError(problems);
  return { status: res.status, body, headers: res.headers };
}

/** A response the route table does not describe: the code and the API document disagree. */
export class ResponseDriftError extends Error {
  constructor(readonly problems: string[]) {
    super(`The response is not what the route table documents:\n  ${problems.slice(0, 20).join("\n  ")}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""}`);
    this.name = "ResponseDriftError";
  }
}

let counter = 0;
/** A name no other test uses, so tests never share data. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
