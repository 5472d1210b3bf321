import type { Metadata } from "next";
import { PageHeader } from "@/components/feedback/page-header";
import { ROUTES, openApiDocument } from "@/lib/schemas/openapi";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "API reference" };

type Op = { parameters: { name: string; in: string; required: boolean; schema: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> } };

/** The OpenAPI document, readable: each route, who may call it, its parameters and body schema. */
export default async function ApiDocsPage() {
  await requirePageActor();
  const doc = openApiDocument() as { paths: Record<string, Record<string, Op>> };
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every route of the JSON API, made from the same zod schemas the server checks requests with. The machine-readable document is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Send <code>Authorization: Bearer &lt;token&gt;</code>.
          </>
        }
      />
      <ul className="api-routes">
        {ROUTES.map((r) => {
          const op = doc.paths[r.path]?.[r.method] as Op;
          const body = op.requestBody?.content["application/json"]?.schema;
          return (
            <li key={`${r.method} ${r.path}`} className="card">
              <h2 className="api-route">
                <span className={`badge api-method api-${r.method}`}>{r.method.toUpperCase()}</span> <code>{r.path}</code>
              </h2>
              <p>
                {r.summary} <span className="muted">({r.role === "public" ? "no sign-in" : r.role === "signature" ? "signed by the sender" : `${r.role} or above`})</span>
              </p>
              {op.parameters.filter((p) => p.in === "query").length > 0 && (
                <details>
                  <summary>Query parameters</summary>
                  <ul className="plain-list">
                    {op.parameters.filter((p) => p.in === "query").map((p) => (
                      <li key={p.name}>
                        <code>{p.name}</code> {p.required ? "(required)" : ""} <code className="muted small">{JSON.stringify(p.schema)}</code>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {body !== undefined && (
                <details>
                  <summary>Request body (JSON Schema)</summary>
                  <pre className="api-schema" tabIndex={0}>{JSON.stringify(body, null, 2)}</pre>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
