// Postgres URL helpers. Kept free of heavy imports so the Next app can use them too.

export interface PgConnectionParts {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** `?schema=` as Prisma understands it; undefined = the server default (public). */
  schema?: string;
  /** From `?sslmode=`: false for disable/unset, otherwise node-postgres' `ssl` option. */
  ssl?: boolean | { rejectUnauthorized: boolean };
}

/**
 * Split a postgres:// URL into discrete connection parameters. The schema engine must get
 * these parts rather than a connectionString: with a connectionString, @prisma/adapter-pg's
 * shadow database silently reuses the main database (docs/decisions/0004-wasm-migration-engine.md).
 */
export function parsePostgresUrl(databaseUrl: string): PgConnectionParts {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error(`Not a valid database URL: ${redactUrl(databaseUrl)}`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error(`Expected a postgres:// or postgresql:// URL, got ${url.protocol}//...`);
  }
  const params = url.searchParams;
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  // `?host=/run/postgresql` selects a Unix socket directory, as libpq and node-postgres allow.
  const host = params.get("host") ?? (decodeURIComponent(url.hostname) || "localhost");
  const parts: PgConnectionParts = {
    host: host.replace(/^\[(.*)\]$/, "$1"), // IPv6 literals arrive bracketed
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || "postgres",
    password: decodeURIComponent(url.password),
    database,
  };
  const schema = params.get("schema");
  if (schema) parts.schema = schema;
  const sslmode = params.get("sslmode");
  if (sslmode && sslmode !== "disable") {
    // verify-ca / verify-full check the certificate; require / prefer only encrypt.
    parts.ssl = sslmode.startsWith("verify") ? true : { rejectUnauthorized: false };
  }
  return parts;
}

/** Same server and credentials, another database (keeps query parameters). */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The URL with its password masked, for log lines. */
export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "<unparseable database URL>";
  }
}

/** Options for `new pg.Pool()` / `new pg.Client()` built from the parsed parts. */
export function pgClientConfig(parts: PgConnectionParts) {
  const { schema: _schema, ...config } = parts;
  return config;
}
