import { describe, expect, it } from "vitest";
import { servedRoutes } from "@/tests/support/route-files";
import { openApiDocument } from "./openapi";
import { ROUTES } from "./routes";

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; additionalProperties?: unknown; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; $ref?: string; propertyNames?: unknown };
type Op = { parameters: { name: string; schema: object }[]; requestBody?: { content: Record<string, { schema: { properties?: object } }> }; responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }> };

const doc = openApiDocument();
const op = (method: string, path: string) => doc.paths[path]?.[method] as unknown as Op;

/** Every object schema inside `schema`, with where it is. */
function objects(schema: Schema, at: string): { at: string; schema: Schema }[] {
  const own = schema.properties ? [{ at, schema }] : [];
  const inner = [
    ...Object.entries(schema.properties ?? {}).map(([k, s]) => objects(s, `${at}.${k}`)),
    ...(schema.items ? [objects(schema.items, `${at}[]`)] : []),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map((s, i) => objects(s, `${at}|${i}`)),
    ...(typeof schema.additionalProperties === "object" && schema.additionalProperties ? [objects(schema.additionalProperties as Schema, `${at}{}`)] : []),
  ];
  return [...own, ...inner.flat()];
}

describe("the OpenAPI document", () => {
  it("lists every route the app serves (next-auth's own sign-in routes and the unknown-path 404 aside)", () => {
    const documented = ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    // app/api/[[...unknown]] answers paths no route serves with the JSON 404: not a route to call.
    const served = servedRoutes().filter((r) => !r.includes("/api/auth/") && !r.endsWith(" /api/[[...unknown]]"));
    expect(documented).toEqual(served);
  });

  it("is OpenAPI 3.1 with a schema for every parameter and body, made from the zod schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, o] of Object.entries(ops)) {
        for (const param of (o as unknown as Op).parameters) expect(param.schema, `${m} ${p} ${param.name}`).toBeTruthy();
      }
    }
    const risk = op("post", "/api/v1/risks").requestBody?.content["application/json"]?.schema;
    expect(Object.keys(risk?.properties ?? {})).toEqual(expect.arrayContaining(["title", "inherent", "current", "target", "ettfDays", "impactFraction"]));
    const window = op("get", "/api/v1/availability").parameters.find((x) => x.name === "window");
    expect(window?.schema).toMatchObject({ type: "string" });
  });

  it("gives every route a success response with its real status and a schema for every JSON body", () => {
    for (const r of ROUTES) {
      const success = Object.entries(op(r.method, r.path).responses).filter(([s]) => s.startsWith("2"));
      expect(success.length, `${r.method} ${r.path}`).toBeGreaterThan(0);
      for (const [, response] of success) {
        const json = response.content?.["application/json"];
        if (json) expect(json.schema.$ref, `${r.method} ${r.path}`).toMatch(/^#\/components\/schemas\/\w+$/);
        else expect(Object.keys(response.content ?? {}).length, `${r.method} ${r.path}`).toBeGreaterThan(0);
      }
    }
    const statuses = (method: string, path: string) => Object.keys(op(method, path).responses).filter((s) => s.startsWith("2"));
    // Creating answers 201; the entries that were documented as 200 before the responses were typed.
    expect(statuses("post", "/api/v1/incidents/{id}/events")).toEqual(["201"]);
    expect(statuses("post", "/api/setup")).toEqual(["201"]);
    expect(statuses("post", "/api/v1/incidents")).toEqual(["201"]);
    expect(statuses("post", "/api/v1/reviews").sort()).toEqual(["200", "201"]);
    // The import takes CSV and answers JSON.
    expect(Object.keys(op("post", "/api/v1/incidents/import").requestBody?.content ?? {})).toEqual(["text/csv"]);
    expect(Object.keys(op("post", "/api/v1/incidents/import").responses["200"]?.content ?? {})).toEqual(["application/json"]);
    expect(Object.keys(op("get", "/api/v1/incidents").responses["200"]?.content ?? {}).sort()).toEqual(["application/json", "text/csv"]);
  });

  it("documents every error a route can answer, each with the error body of its status", () => {
    for (const r of ROUTES) {
      const responses = op(r.method, r.path).responses;
      expect(responses["500"]?.$ref, `${r.method} ${r.path}`).toBe("#/components/responses/InternalError");
      if (r.body) expect(responses["400"]?.$ref, `${r.method} ${r.path}`).toBe("#/components/responses/ValidationFailed");
      if (r.method !== "get") expect(responses["409"]?.$ref, `${r.method} ${r.path}`).toBe("#/components/responses/Conflict");
    }
    const conflict = doc.components.schemas.Conflict as Schema;
    expect(Object.keys(conflict.properties ?? {})).toEqual(["error", "message", "issues", "current"]);
    expect(conflict.required).toEqual(["error", "message"]);
    expect(op("get", "/api/ready").responses["503"]?.content?.["application/json"]?.schema.$ref).toBe("#/components/schemas/NotReady");
  });

  it("has strict response schemas: an unknown key is refused, and every key is there (null when empty)", () => {
    // The error bodies leave out `issues` and `current` where they do not apply (docs/conventions.md).
    const mayBeAbsent = new Set(["Conflict.issues", "Conflict.current"]);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const o of objects(schema as Schema, name)) {
        expect(o.schema.additionalProperties, `${o.at} must refuse unknown keys`).toBe(false);
        const missing = Object.keys(o.schema.properties ?? {}).filter((k) => !(o.schema.required ?? []).includes(k) && !mayBeAbsent.has(`${o.at}.${k}`));
        expect(missing, `${o.at}: optional keys (use null for "none")`).toEqual([]);
      }
    }
  });
});
