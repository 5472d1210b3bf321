// Prisma's schema engine (the thing behind `prisma migrate`), run as WebAssembly and driven through
// @prisma/adapter-pg. The Prisma CLI would download a native engine, which this offline machine
// cannot do; why, and what it costs: docs/decisions/0004-wasm-migration-engine.md.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type {
  MigrationList,
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import { parsePostgresUrl, pgClientConfig, type PgConnectionParts } from "./pg-url";

export type { SchemaEngine, MigrationList, SchemaContainer, SchemaFilter };

/** No externally managed tables or enums: the engine owns everything Prisma describes. */
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;
let lastPanic: string | undefined;

/**
 * Instantiate the engine's WebAssembly once per process. The package's main entry imports the
 * `.wasm` file as an ES module, which Node refuses, so we wire the glue module up ourselves.
 */
export function loadSchemaEngineWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The glue code reports Rust panics through this global, which Prisma's CLI normally defines.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    // A panic kills the process as an uncaught "RuntimeError: unreachable"; say what it was.
    // (The monitor event only observes: Node's own handling of the exception is unchanged.)
    process.on("uncaughtExceptionMonitor", (error) => {
      if (lastPanic && error instanceof WebAssembly.RuntimeError) {
        process.stderr.write(`Prisma schema engine panicked: ${lastPanic}\n`);
      }
    });
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": withTrackedTimers(bg as unknown as WebAssembly.ModuleImports),
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

/** Timers the engine started; it never clears them (its glue imports setTimeout only). */
const engineTimers = new Set<NodeJS.Timeout>();
let activeEngines = 0;

/**
 * The engine arms timeouts (e.g. 10 s around its advisory lock) and never cancels them, so a
 * finished `npm run db:migrate` would linger 10 s. Keep a handle on them to clear them once no
 * engine is running any more.
 */
function withTrackedTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const wrapped: WebAssembly.ModuleImports = { ...imports };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    wrapped[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(() => {
        engineTimers.delete(timer);
        callback();
      }, ms >>> 0);
      engineTimers.add(timer);
      return timer;
    };
  }
  return wrapped;
}

/** Minimal view of the adapter objects PrismaPg hands out (the class itself is not exported). */
interface PgAdapter {
  executeScript(script: string): Promise<void>;
  dispose(): Promise<void>;
  underlyingDriver(): pg.Pool;
  onError(error: unknown): never;
  startTransaction(...args: unknown[]): Promise<unknown>;
}

/**
 * Send a migration script to the server in one simple-protocol query, as the native engine does.
 * PrismaPg's own executeScript splits the script on every ";" (breaking `$$` function bodies and
 * string literals) and runs the pieces one by one, so a failure leaves half a migration behind;
 * one multi-statement query runs in an implicit transaction and is all-or-nothing.
 */
function patchAdapter(adapter: PgAdapter & PgQueryable): void {
  sendScriptsWhole(adapter);
  readCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => {
    const transaction = await startTransaction(...args);
    readCharColumns(transaction as PgQueryable);
    return transaction;
  };
}

function sendScriptsWhole(adapter: PgAdapter): void {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // converts to the DriverAdapterError the engine understands
    }
  };
}

/** PostgreSQL's one-byte internal `"char"` type, used all over the system catalogs. */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

interface PgQueryable {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
}

/** Per queryRaw call: which result columns were `"char"`. */
const charColumns = new AsyncLocalStorage<number[]>();

/**
 * PrismaPg cannot map the `"char"` column type (OID 18), and the engine's catalog queries
 * (pg_constraint.contype, pg_class.relkind, ...) return it, so describing any database, a shadow
 * database included, fails with "Column type 'char' could not be deserialized". Let PrismaPg
 * treat such columns as text, then report them to the engine as Character, which is what its
 * describer reads (as text, it panics). pg already delivers the values as one-letter strings.
 */
function readCharColumns(queryable: PgQueryable): void {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const marks = charColumns.getStore();
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      marks?.push(index);
    });
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = (query) => {
    const marks: number[] = [];
    return charColumns.run(marks, async () => {
      const result = await queryRaw(query);
      for (const index of marks) result.columnTypes[index] = CHARACTER_COLUMN;
      return result;
    });
  };
}

async function runAdminQuery(parts: PgConnectionParts, sql: string): Promise<void> {
  const client = new pg.Client(pgClientConfig(parts));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A migration-aware adapter factory for the engine, built on PrismaPg with two fixes:
 * - shadow databases: PrismaPg drops the shadow database while its own pool is still connected
 *   (which fails) and leaks a pool on the main database; ours closes the pool first, then drops
 *   the database `WITH (FORCE)`;
 * - scripts are sent whole (see sendScriptsWhole).
 * `closeAll()` disposes whatever the engine left open, so the process can exit.
 */
function createAdapterFactory(parts: PgConnectionParts) {
  const options = parts.schema ? { schema: parts.schema } : undefined;
  const main = new PrismaPg(pgClientConfig(parts), options);
  const open = new Set<PgAdapter>();
  const shadowNames = new Set<string>();

  const track = (adapter: PgAdapter & PgQueryable, afterDispose?: () => Promise<void>): PgAdapter => {
    patchAdapter(adapter);
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      disposed ??= (async () => {
        open.delete(adapter);
        await dispose();
        await afterDispose?.();
      })();
      return disposed;
    };
    open.add(adapter);
    return adapter;
  };

  const factory = {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      return track((await main.connect()) as unknown as PgAdapter & PgQueryable);
    },
    async connectToShadowDb() {
      const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      await runAdminQuery(parts, `CREATE DATABASE "${database}"`);
      shadowNames.add(database);
      const shadow = new PrismaPg(pgClientConfig({ ...parts, database }), options);
      return track((await shadow.connect()) as unknown as PgAdapter & PgQueryable, async () => {
        await runAdminQuery(parts, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        shadowNames.delete(database);
      });
    },
  };

  async function closeAll(): Promise<void> {
    await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
    for (const database of shadowNames) {
      await runAdminQuery(parts, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    }
  }

  return { factory, closeAll };
}

/** Read a Prisma schema: one file, or every `.prisma` file under a folder (multi-file schema). */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]> {
  const info = await stat(schemaPath);
  if (!info.isDirectory()) {
    return [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  }
  const entries = await readdir(schemaPath, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".prisma"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(files.map(async (file) => ({ path: file, content: await readFile(file, "utf8") })));
}

/** Migration folder names look like `20250101120000_init`: a 14-digit UTC timestamp, then a name. */
export const MIGRATION_DIR_PATTERN = /^\d{14}_[A-Za-z0-9_]+$/;

/** Load `prisma/migrations` the way the engine wants it (all migrations, sorted by name). */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory() && MIGRATION_DIR_PATTERN.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const content = await readFile(path.join(baseDir, name, "migration.sql"), "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockfileContent = await readFile(path.join(baseDir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export interface OpenSchemaEngineOptions {
  /** The Prisma schema the engine is created with (file or folder). Default: a bare datasource. */
  schemaPath?: string;
  /** Print the engine's own log lines (JSON) to stderr. Default: env NINES_DEBUG_ENGINE. */
  debug?: boolean;
}

/**
 * Create an engine bound to the database at `databaseUrl` (also used to create shadow databases),
 * run `fn`, then free the engine and close every connection it opened.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  options: OpenSchemaEngineOptions = {},
): Promise<T> {
  await loadSchemaEngineWasm();
  const parts = parsePostgresUrl(databaseUrl);
  const { factory, closeAll } = createAdapterFactory(parts);
  // The engine insists on a datamodel. Applying migrations needs only the provider, and should
  // not depend on schema.prisma being valid mid-edit, so that is all it gets by default.
  const schemaFiles = options.schemaPath
    ? await readSchemaFiles(options.schemaPath)
    : [{ path: "migrations-only.prisma", content: 'datasource db {\n  provider = "postgresql"\n}\n' }];
  const debug = options.debug ?? Boolean(process.env.NINES_DEBUG_ENGINE);
  const log = (line: string) => {
    if (debug) process.stderr.write(`[schema-engine] ${line}\n`);
  };
  activeEngines++;
  let engine: SchemaEngine | undefined;
  try {
    engine = await bg.SchemaEngine.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      log,
      bindMigrationAwareSqlAdapterFactory(factory as unknown as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0]),
    );
    return await fn(engine);
  } finally {
    engine?.free();
    await closeAll();
    if (--activeEngines === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
  }
}
