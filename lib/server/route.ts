import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { Role } from "@/lib/generated/prisma/enums";
import type { PersonActor as Actor } from "./auth/actor";
import { carriesCredentials, requireApiActor } from "./auth/current-actor";
import { hasControlCharacters } from "@/lib/schemas/common";
import { NotFoundError, UnauthenticatedError } from "./errors";
import { errorResponse } from "./http";
import { assertSameOriginWrite } from "./same-origin";

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (args: { req: NextRequest; params: P; actor: Actor }) => Promise<unknown>;

/**
 * Wraps a route handler: checks the role on the server, maps every error through the one mapper,
 * and serialises plain results as JSON. A handler may return a Response to control status.
 * A request without any credentials is a 401 before the cross-site check: a script or a webhook
 * receiver configured without its token is told to send one, not that it came from another site.
 */
export function apiRoute<P = Record<string, never>>(need: Role, handler: Handler<P>) {
  return async (req: NextRequest, ctx: Ctx<P>): Promise<Response> => {
    try {
      if (!carriesCredentials(req)) throw new UnauthenticatedError();
      assertSameOriginWrite(req);
      const actor = await requireApiActor(req, need);
      // Next passes no params at all to routes without dynamic segments.
      const params = ((await ctx?.params) ?? {}) as P;
      // A path segment with control characters names nothing (and PostgreSQL cannot take NUL).
      if (Object.values(params as Record<string, unknown>).some((v) => typeof v === "string" && hasControlCharacters(v))) {
        throw new NotFoundError("Resource");
      }
      const result = await handler({ req, params, actor });
      if (result instanceof Response) return result;
      return NextResponse.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export function created(body: unknown): NextResponse {
  return NextResponse.json(body, { status: 201 });
}

/** A 200 whose JSON body is already serialised (built in parts, see availability-fleet.ts). */
export function serializedJson(body: string): Response {
  return new Response(body, { headers: { "content-type": "application/json" } });
}
