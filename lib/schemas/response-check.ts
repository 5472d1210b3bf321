import type { z } from "zod";
import { ERROR_BODIES, type ErrorStatus } from "@/lib/dto/errors";
import { errorStatuses, type RouteDoc } from "./routes";

/** A media type without its parameters: "text/csv; charset=utf-8" → "text/csv". */
export const mediaType = (contentType: string | null): string => (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/**
 * What is wrong with a response, measured against the route table: a status the route does not
 * document, a media type it does not send at that status, or a JSON body its schema for that
 * status rejects (a key the schema does not name, a wrong type, a missing field). Empty when the
 * response is what the document says. `body` is the parsed JSON, or the text of a text response.
 */
export function responseProblems(route: RouteDoc, response: { status: number; contentType: string | null; body: unknown }): string[] {
  const { status, body } = response;
  const type = mediaType(response.contentType);
  const isJson = type === "application/json";
  const where = `${route.method.toUpperCase()} ${route.path} answered ${status}`;
  const reply = route.responses[status as 200 | 201];
  if (reply) {
    if (!isJson) return reply.text?.some((t) => mediaType(t) === type) ? [] : [`${where} as ${type || "no media type"}, which the route table does not list for it`];
    if (!reply.json) return [`${where} with JSON, which the route table does not list for it`];
    return schemaProblems(where, reply.json, body);
  }
  if (!(errorStatuses(route) as number[]).includes(status)) return [`${where}, a status the route table does not list for it`];
  if (!isJson) return [`${where} as ${type || "no media type"}: errors are JSON`];
  return schemaProblems(where, route.ownErrors?.[status as ErrorStatus] ?? ERROR_BODIES[status as ErrorStatus], body);
}

function schemaProblems(where: string, schema: z.ZodType, body: unknown): string[] {
  const result = schema.safeParse(body);
  return result.success ? [] : flatten(result.error.issues, []).map((i) => `${where} with a body its schema rejects at ${i}`);
}

type Issue = z.core.$ZodIssue;

/** Each issue as "path: message"; of a union's branches, those of the one that came closest. */
function flatten(issues: readonly Issue[], base: PropertyKey[]): string[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return flatten(closest, path);
    }
    const at = path.map(String).join(".") || "(the body)";
    if (issue.code === "unrecognized_keys") return issue.keys.map((k) => `${at === "(the body)" ? k : `${at}.${k}`}: a key the schema does not name`);
    return [`${at}: ${issue.message}`];
  });
}
