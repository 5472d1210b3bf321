// A consistent copy of the whole database while Nines runs, and its restore into an empty
// installation (docs/decisions/0028-backups.md). The embedded PostgreSQL ships no pg_dump and
// Debian's refuses a newer server, so Nines copies its own tables: every table read inside ONE
// repeatable-read, read-only transaction (one snapshot: a write that commits meanwhile is wholly
// in the copy or wholly out), in foreign-key order, each row as PostgreSQL's own JSON of it, into
// a gzip file of JSON lines. Restoring inserts the rows back in the same order in one transaction
// (all or nothing) with json_populate_recordset, so every value (timestamps to the millisecond,
// floats, JSON, arrays) comes back as it was, then moves each sequence past its column's largest value.
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { opensWith, sealingKeyId } from "../../lib/server/secret-box";
import { parsePostgresUrl, pgClientConfig } from "./pg-url";

export const BACKUP_FORMAT = "nines-backup";
export const BACKUP_VERSION = 1;
const FETCH_ROWS = 2000;
const INSERT_BATCH = 1000;
const INSERT_BATCH_BYTES = 8 * 1024 * 1024;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The migrations the copied database had applied: a restore needs the same schema. */
  migrations: string[];
  /** Which NEXTAUTH_SECRET sealed the secrets inside (a fingerprint of its key, never the key). */
  key: string;
  tables: string[];
  /** Each serial column's next value when copied: a number given to a row deleted since is not given again. */
  sequences: { table: string; column: string; next: number }[];
};
// Lines: the header (JSON), then per table a marker `#table <name>` and its rows (each a JSON
// object, so never starting with '#'), then `#end <counts>`, which a file cut short lacks.
type Marker = { table: string } | { end: Record<string, number> };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client(pgClientConfig(parsePostgresUrl(url)));
  await client.connect();
  return client;
}

/**
 * Tables computed from others and not copied: the impact rollups (docs/decisions/0029) and the
 * figure cache (lib/server/figure-cache.ts; its generation row comes with the migrations). Restoring
 * the impacts marks every closed one (the Impact trigger), and the app's rollup job rebuilds them.
 */
export const DERIVED_TABLES: readonly string[] = ["ImpactHour", "ImpactDay", "ImpactRollupMark", "FigureCache", "FigureGeneration"];

/** Every table of the schema but Prisma's own and the derived ones, parents before the tables that refer to them. */
export async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`)).rows
    .map((r) => r.name)
    .filter((name) => !DERIVED_TABLES.includes(name));
  const edges = (
    await client.query<{ child: string; parent: string }>(`
      SELECT ch.relname AS child, pa.relname AS parent
        FROM pg_constraint c
        JOIN pg_class ch ON ch.oid = c.conrelid
        JOIN pg_class pa ON pa.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = ch.relnamespace
       WHERE c.contype = 'f' AND n.nspname = current_schema() AND ch.relname <> pa.relname`)
  ).rows;
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const next = tables.filter((t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)));
    if (next.length === 0) throw new Error(`the tables' foreign keys form a cycle: ${tables.filter((t) => !placed.has(t)).join(", ")}`);
    for (const t of next) {
      order.push(t);
      placed.add(t);
    }
  }
  return order;
}

type SerialColumn = { tbl: string; col: string; seq: string };
async function serialColumns(client: pg.ClientBase): Promise<SerialColumn[]> {
  const r = await client.query<SerialColumn>(`
    SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
       AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
     ORDER BY 1, 2`);
  return r.rows;
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const rows = await client.query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  return rows.rows.map((r) => r.name);
}

export type BackupResult = { file: string; rows: Record<string, number>; bytes: number; milliseconds: number };

/**
 * Writes the database at `url` to `file` (gzip, JSON lines). `onSnapshot` is called with the
 * snapshot's id while the copy's transaction holds it (a test compares the source as of it).
 * Written to `file.partial` and renamed when complete: a file with the name is a whole backup.
 */
export async function backupDatabase(url: string, file: string, opts: { secret: string; onSnapshot?: (id: string) => Promise<void> }): Promise<BackupResult> {
  const started = Date.now();
  const client = await connect(url);
  const partial = `${file}.partial`;
  const rows: Record<string, number> = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]?.id as string;
    const tables = await tablesInOrder(client);
    // The fingerprint must name the key that really sealed what is inside: a backup run without the
    // app's environment would otherwise name another one, and no restore could open its secrets.
    const sealed = await client.query<{ s: string }>(`SELECT "secretSealed" AS s FROM "NotificationChannel" WHERE "secretSealed" IS NOT NULL UNION ALL SELECT "secretSealed" FROM "Datasource" WHERE "secretSealed" IS NOT NULL LIMIT 1`);
    const sample = sealed.rows[0]?.s;
    if (sample && !opensWith(sample, opts.secret)) throw new Error("the secrets in this database were not sealed with this NEXTAUTH_SECRET: run the backup with the environment Nines runs with");
    const sequences: BackupHeader["sequences"] = [];
    for (const s of await serialColumns(client)) {
      const r = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${s.seq}`);
      const row = r.rows[0];
      if (row) sequences.push({ table: s.tbl, column: s.col, next: Number(row.last_value) + (row.is_called ? 1 : 0) });
    }
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations: await appliedMigrations(client), key: sealingKeyId(opts.secret), tables, sequences };
    await opts.onSnapshot?.(snapshot);
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        yield `#table ${table}\n`;
        rows[table] = 0;
        await client.query(`DECLARE rows_out NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${q(table)} t`);
        for (;;) {
          const batch = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM rows_out`);
          if (batch.rows.length === 0) break;
          rows[table] += batch.rows.length;
          yield batch.rows.map((r) => r.j).join("\n") + "\n";
        }
        await client.query("CLOSE rows_out");
      }
      yield `#end ${JSON.stringify(rows)}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query("COMMIT");
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await client.end();
  }
  const { size } = await import("node:fs/promises").then((fs) => fs.stat(file));
  return { file, rows, bytes: size, milliseconds: Date.now() - started };
}

/** A refusal a person can act on (exit 1 with the message, no stack). */
export class RestoreRefused extends Error {}

/** Lines of a stream decoded as UTF-8 (setEncoding keeps a character split between chunks whole). */
async function* splitLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  input.setEncoding("utf8");
  let rest = "";
  for await (const chunk of input) {
    const text = rest + (chunk as string);
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    yield* lines;
  }
  if (rest !== "") yield rest;
}

/** The header, then each marker parsed and each row as the text PostgreSQL will parse. */
async function* readLines(file: string): AsyncGenerator<BackupHeader | Marker | string> {
  // pipeline: an unreadable file or a gzip that ends early ends the iteration with its error.
  const gunzip = createGunzip();
  pipeline(createReadStream(file), gunzip).catch(() => {});
  let first = true;
  for await (const line of splitLines(gunzip)) {
    if (line === "") continue;
    if (first) {
      first = false;
      let header: unknown = null;
      try {
        header = JSON.parse(line);
      } catch {
        // not JSON: refused below
      }
      if (typeof header !== "object" || header === null || (header as { format?: unknown }).format !== BACKUP_FORMAT) throw new RestoreRefused(`${file} is not a Nines backup (made by npm run backup)`);
      yield header as BackupHeader;
    } else if (line.startsWith("#table ")) yield { table: line.slice(7) };
    else if (line.startsWith("#end ")) yield { end: JSON.parse(line.slice(5)) as Record<string, number> };
    else yield line;
  }
}

/** A file cut short (gzip ends early) or with a broken line is refused as damaged, not a crash. */
async function* damagedAsRefusal<T>(file: string, lines: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* lines;
  } catch (err) {
    if (err instanceof RestoreRefused) throw err;
    throw new RestoreRefused(`${file} is damaged or was cut short: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Reads only the header: which schema and key a backup needs. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  try {
    for await (const line of readLines(file)) return line as BackupHeader;
  } catch (err) {
    if (err instanceof RestoreRefused) throw err;
    throw new RestoreRefused(`${file} is not a Nines backup (made by npm run backup): ${err instanceof Error ? err.message : String(err)}`);
  }
  throw new RestoreRefused(`${file} is empty: not a Nines backup`);
}

export type RestoreResult = { rows: Record<string, number>; milliseconds: number };

function assertKey(header: BackupHeader, secret: string | null): void {
  if (secret !== null && sealingKeyId(secret) === header.key) return;
  throw new RestoreRefused(
    `This backup's secrets are sealed with the key ${header.key}, derived from the NEXTAUTH_SECRET of the installation it came from` +
      (secret === null ? ", and no NEXTAUTH_SECRET is set here" : `; this installation's NEXTAUTH_SECRET gives ${sealingKeyId(secret)}`) +
      ". Set NEXTAUTH_SECRET to that secret (kept in .data/auth-secret there) and run the restore again.",
  );
}

const HELD = `SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Service") + (SELECT count(*) FROM "Incident") AS n`;
const NOT_EMPTY = "This installation is not empty (it has users, services or incidents): a backup is restored into a new, empty one.";

/**
 * What can be refused before anything is written, migrations included: the wrong key, or an
 * installation that already holds data (a DATABASE_URL pointing at the wrong database).
 */
export async function preflightRestore(url: string, file: string, secret: string | null): Promise<BackupHeader> {
  const header = await readBackupHeader(file);
  if (header.version !== BACKUP_VERSION) throw new RestoreRefused(`This backup is format version ${header.version}; this Nines reads version ${BACKUP_VERSION}`);
  assertKey(header, secret);
  const client = await connect(url);
  try {
    const exists = (await client.query<{ t: string | null }>(`SELECT to_regclass('"User"')::text AS t`)).rows[0]?.t;
    if (exists && Number((await client.query<{ n: number }>(HELD)).rows[0]?.n) > 0) throw new RestoreRefused(NOT_EMPTY);
  } finally {
    await client.end();
  }
  return header;
}

/**
 * Restores `file` into the (migrated, empty) database at `url`, in one transaction. Refused, with
 * the reason, when the installation holds data, its schema is not the backup's, or `secret` is not
 * the one that sealed the backup's secrets.
 */
export async function restoreDatabase(url: string, file: string, opts: { secret: string | null }): Promise<RestoreResult> {
  const started = Date.now();
  const header = await readBackupHeader(file);
  if (header.version !== BACKUP_VERSION) throw new RestoreRefused(`This backup is format version ${header.version}; this Nines reads version ${BACKUP_VERSION}`);
  assertKey(header, opts.secret);
  const client = await connect(url);
  try {
    const migrations = await appliedMigrations(client);
    if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
      throw new RestoreRefused(
        `This backup was made with the schema of migration ${header.migrations.at(-1) ?? "(none)"}; this installation has ${migrations.at(-1) ?? "(none)"}. ` +
          "Restore it with the version of Nines that made it (then upgrade: npm start applies newer migrations).",
      );
    }
    const tables = await tablesInOrder(client);
    await client.query("BEGIN");
    // Checked under a lock that holds until the restore commits: nothing is written meanwhile.
    await client.query(`LOCK TABLE ${tables.map(q).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    if (Number((await client.query<{ n: number }>(HELD)).rows[0]?.n) > 0) throw new RestoreRefused(NOT_EMPTY);
    // Rows the migrations seed (the organisation's settings) give way to the backup's.
    await client.query(`TRUNCATE ${tables.map(q).join(", ")} CASCADE`);
    const rows: Record<string, number> = {};
    let table: string | null = null;
    let batch: string[] = [];
    let ended = false;
    let cols = "";
    let batchBytes = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      try {
        await client.query(`INSERT INTO ${q(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${q(table)}, $1::json)`, [`[${batch.join(",")}]`]);
      } catch (err) {
        // Class 22 is bad data (a line cut in half reads as broken JSON): the file, not the database.
        if ((err as { code?: string }).code?.startsWith("22")) throw new RestoreRefused(`${file} is damaged: a row of ${table} does not read (${(err as Error).message})`);
        throw err;
      }
      rows[table] = (rows[table] ?? 0) + batch.length;
      batch = [];
      batchBytes = 0;
    };
    let first = true;
    const lines = damagedAsRefusal(file, readLines(file));
    for await (const line of lines) {
      if (first) {
        first = false;
        continue;
      }
      if (typeof line === "string") {
        if (table === null) throw new RestoreRefused(`${file} is damaged: rows before any table`);
        batch.push(line);
        batchBytes += line.length;
        // By rows and by size: a few large rows (review snapshots, audit states) make a big batch.
        if (batch.length >= INSERT_BATCH || batchBytes >= INSERT_BATCH_BYTES) await flush();
      } else if ("table" in line) {
        await flush();
        if (!tables.includes(line.table)) throw new RestoreRefused(`${file} holds a table this installation does not have: ${line.table}`);
        table = line.table;
        rows[table] = 0;
        cols = (await client.query<{ c: string }>(`SELECT attname AS c FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`, [q(table)])).rows.map((r) => q(r.c)).join(", ");
      } else if ("end" in line) {
        await flush();
        for (const [name, n] of Object.entries(line.end)) if ((rows[name] ?? 0) !== n) throw new RestoreRefused(`${file} is damaged: ${name} should hold ${n} rows, it held ${rows[name] ?? 0}`);
        ended = true;
      }
    }
    if (!ended) throw new RestoreRefused(`${file} is incomplete (it ends before its last table): it was cut short`);
    // Sequences (INC-<number>) go on where the source's were, and past the largest value restored.
    for (const c of await serialColumns(client)) {
      const recorded = header.sequences.find((x) => x.table === c.tbl && x.column === c.col)?.next ?? 1;
      await client.query(`SELECT setval($1, GREATEST($2::bigint, COALESCE((SELECT max(${q(c.col)}) FROM ${q(c.tbl)}), 0) + 1), false)`, [c.seq, recorded]);
    }
    await client.query("COMMIT");
    return { rows, milliseconds: Date.now() - started };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
