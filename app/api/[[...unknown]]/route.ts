import type { NextRequest } from "next/server";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http";

/**
 * Any path under /api/ that no route serves: the API's JSON 404, never the HTML page a browser
 * gets, so a script with a typo in its URL reads an error it can parse. Every route Next knows is
 * more specific than this one and wins; this is not an API route of its own (not in the OpenAPI
 * document).
 */
function notFound(req: NextRequest): Response {
  const { pathname } = new URL(req.url);
  return errorResponse(new AppError(404, "not_found", `No API route answers ${req.method} ${pathname}; /api/v1/openapi.json lists them`));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
