import { routeDoc, type RouteDoc } from "@/lib/schemas/routes";
import { HTTP_METHODS, routeFiles } from "./route-files";

// Which route a handler function is: every app route module imported once (the same module
// instances the test imported), each exported method mapped to its entry in the route table.

type Found = { method: string; path: string; doc: RouteDoc | undefined };
let handlers: Promise<Map<unknown, Found>> | null = null;

async function load(): Promise<Map<unknown, Found>> {
  const map = new Map<unknown, Found>();
  for (const { file, path } of routeFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      // next-auth's catch-all serves GET and POST with one function: the first method names it.
      if (typeof handler === "function" && !map.has(handler)) map.set(handler, { method: method.toLowerCase(), path, doc: routeDoc(method, path) });
    }
  }
  return map;
}

/** The route-table entry of a route handler; an error when the handler is no route's, or its route is not in the table. */
export async function routeOfHandler(handler: unknown): Promise<RouteDoc> {
  const found = (await (handlers ??= load())).get(handler);
  if (!found) throw new Error("This handler is not exported by any app/**/route.ts: call a route's own handler, so its response is checked against the route table");
  if (!found.doc) throw new Error(`${found.method.toUpperCase()} ${found.path} is not in the route table (lib/schemas/routes.ts)`);
  return found.doc;
}
