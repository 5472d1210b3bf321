import type { Metadata } from "next";
import { PageHeader } from "@/components/feedback/page-header";
import { ROUTES, openApiDocument } from "@/lib/schemas/openapi";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "API reference" };

type Content = Record<string, { schema: unknown }>;
type Op = {
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: Content };
  responses: Record<string, { description?: string; content?: Content; $ref?: string }>;
};

const refName = (schema: unknown) => (schema as { $ref?: string } | undefined)?.$ref?.split("/").at(-1);

/** The document's descriptions mark names with backticks: shown as code here. */
const withCode = (text: string) => text.split("`").map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));

/** The OpenAPI document, readable: each route, who may call it, its parameters, body and responses. */
export default async function ApiDocsPage() {
  await requirePageActor();
  const doc = openApiDocument();
  const schemas = doc.components.schemas;
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every route of the JSON API, made from the same zod schemas the server checks requests with and writes responses by. The machine-readable document is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Send <code>Authorization: Bearer &lt;token&gt;</code>.
          </>
        }
      />
      <ul className="api-routes">
        {ROUTES.map((r) => {
          const op = doc.paths[r.path]?.[r.method] as unknown as Op;
          const body = op.requestBody?.content["application/json"]?.schema;
          const textBody = r.requestText;
          const statuses = Object.entries(op.responses);
          const success = statuses.filter(([s]) => s.startsWith("2"));
          const errors = statuses.filter(([s]) => !s.startsWith("2")).map(([s]) => s);
          return (
            <li key={`${r.method} ${r.path}`} className="card">
              <h2 className="api-route">
                <span className={`badge api-method api-${r.method}`}>{r.method.toUpperCase()}</span> <code>{r.path}</code>
              </h2>
              <p>
                {withCode(r.summary)} <span className="muted">({r.role === "public" ? "no sign-in" : r.role === "signature" ? "signed by the sender" : `${r.role} or above`})</span>
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
              {textBody && <p className="small">Request body: <code>{textBody}</code></p>}
              {success.map(([status, response]) => {
                const name = refName(response.content?.["application/json"]?.schema);
                const texts = Object.keys(response.content ?? {}).filter((t) => t !== "application/json");
                const types = texts.map((t, i) => <span key={t}>{i > 0 && ", "}<code>{t}</code></span>);
                // A summary is itself a control: the link to the named schema goes inside the details, not in it.
                return name ? (
                  <details key={status}>
                    <summary>
                      {status}: JSON <code>{name}</code>
                      {types.length > 0 && <> or {types}</>}
                    </summary>
                    <p className="small">
                      The <a href={`#schema-${name}`}>{name}</a> schema:
                    </p>
                    <pre className="api-schema" tabIndex={0}>{JSON.stringify(schemas[name], null, 2)}</pre>
                  </details>
                ) : (
                  <p key={status} className="small">
                    {status}: {types}
                  </p>
                );
              })}
              <p className="small muted">Errors: {errors.join(", ")}, each with a JSON <a href="#errors">error body</a>.</p>
            </li>
          );
        })}
      </ul>
      <h2 id="errors">Errors</h2>
      <ul className="plain-list">
        {Object.entries(doc.components.responses).map(([name, response]) => (
          <li key={name}>
            <a href={`#schema-${name}`}>{name}</a>: {withCode(String(response.description))}
          </li>
        ))}
      </ul>
      <h2>Schemas</h2>
      <ul className="api-routes">
        {Object.entries(schemas).map(([name, schema]) => (
          <li key={name} id={`schema-${name}`} className="card">
            <details>
              <summary>
                <code>{name}</code>
              </summary>
              <pre className="api-schema" tabIndex={0}>{JSON.stringify(schema, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
