import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, ROUTES } from "./openapi";

const APP = path.resolve(import.meta.dirname, "../../app");

/** Every route file's exported methods as "get /api/v1/services/{slug}". */
function appRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const url = `/${path.relative(APP, dir)}`.replace(/\/\([^)]+\)/g, "").replace(/\[(\w+)\]/g, "{$1}");
        const text = readFileSync(full, "utf8");
        for (const m of text.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b|export \{ \w+ as (GET|POST)/g)) found.push(`${(m[1] ?? m[2] as string).toLowerCase()} ${url}`);
      }
    }
  };
  walk(APP);
  return found.sort();
}

describe("the OpenAPI document", () => {
  it("lists every route the app serves (next-auth's own sign-in routes and the unknown-path 404 aside)", () => {
    const documented = ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    // app/api/[[...unknown]] answers paths no route serves with the JSON 404: not a route to call.
    const served = appRoutes().filter((r) => !r.includes("/api/auth/") && !r.endsWith(" /api/[[...unknown]]"));
    expect(documented).toEqual(served);
  });

  it("is OpenAPI 3.1 with a schema for every parameter and body, made from the zod schemas", () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; schema: object }[]; requestBody?: { content: Record<string, { schema: { properties?: object } }> }; responses: object }>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses).length, `${m} ${p}`).toBeGreaterThan(0);
        for (const param of op.parameters) expect(param.schema, `${m} ${p} ${param.name}`).toBeTruthy();
      }
    }
    const risk = doc.paths["/api/v1/risks"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(risk?.properties ?? {})).toEqual(expect.arrayContaining(["title", "inherent", "current", "target", "ettfDays", "impactFraction"]));
    const window = doc.paths["/api/v1/availability"]?.get?.parameters.find((x) => x.name === "window");
    expect(window?.schema).toMatchObject({ type: "string" });
  });
});
