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
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { sealingKeyId } from "../../lib/server/secret-box";
import { parsePostgresUrl, pgClientConfig } from "./pg-url";

export const BACKUP_FORMAT = "nines-backup";
export const BACKUP_VERSION = 1;
const FETCH_ROWS = 2000;
const INSERT_BATCH = 1000;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The migrations the copied database had applied: a restore needs the same schema. */
  migrations: string[];
  /** Which NEXTAUTH_SECRET sealed the secrets inside (a fingerprint of its key, never the key). */
  key: string;
  tables: string[];
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

/** Every table of the schema but Prisma's own, parents before the tables that refer to them. */
export async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`)).rows.map((r) => r.name);
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
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations: await appliedMigrations(client), key: sealingKeyId(opts.secret), tables };
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

/** The header, then each marker parsed and each row as the text PostgreSQL will parse. */
async function* readLines(file: string): AsyncGenerator<BackupHeader | Marker | string> {
  const input = createReadStream(file).pipe(createGunzip());
  let first = true;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
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

/**
 * Restores `file` into the (migrated, empty) database at `url`, in one transaction. Refused, with
 * the reason, when the installation holds data, its schema is not the backup's, or `secret` is not
 * the one that sealed the backup's secrets.
 */
export async function restoreDatabase(url: string, file: string, opts: { secret: string | null }): Promise<RestoreResult> {
  const started = Date.now();
  const header = await readBackupHeader(file);
  if (header.version !== BACKUP_VERSION) throw new RestoreRefused(`This backup is format version ${header.version}; this Nines reads version ${BACKUP_VERSION}`);
  if (opts.secret === null || sealingKeyId(opts.secret) !== header.key) {
    throw new RestoreRefused(
      `This backup's secrets are sealed with the key ${header.key}, derived from the NEXTAUTH_SECRET of the installation it came from` +
        (opts.secret === null ? ", and no NEXTAUTH_SECRET is set here" : `; this installation's NEXTAUTH_SECRET gives ${sealingKeyId(opts.secret)}`) +
        ". Set NEXTAUTH_SECRET to that secret (kept in .data/auth-secret there) and run the restore again.",
    );
  }
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
    const held = await client.query<{ n: number }>(`SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Service") + (SELECT count(*) FROM "Incident") AS n`);
    if (Number(held.rows[0]?.n) > 0) throw new RestoreRefused("This installation is not empty (it has users, services or incidents): a backup is restored into a new, empty one.");
    await client.query("BEGIN");
    // Rows the migrations seed (the organisation's settings) give way to the backup's.
    await client.query(`TRUNCATE ${tables.map(q).join(", ")} CASCADE`);
    const rows: Record<string, number> = {};
    let table: string | null = null;
    let batch: string[] = [];
    let ended = false;
    let cols = "";
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await client.query(`INSERT INTO ${q(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${q(table)}, $1::json)`, [`[${batch.join(",")}]`]);
      rows[table] = (rows[table] ?? 0) + batch.length;
      batch = [];
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (typeof line === "string") {
        if (table === null) throw new RestoreRefused(`${file} is damaged: rows before any table`);
        batch.push(line);
        if (batch.length >= INSERT_BATCH) await flush();
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
    // Sequences (INC-<number>) go on after the largest value restored.
    const sequences = await client.query<{ tbl: string; col: string; seq: string }>(`
      SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
    for (const s of sequences.rows) await client.query(`SELECT setval($1, COALESCE((SELECT max(${q(s.col)}) FROM ${q(s.tbl)}), 0) + 1, false)`, [s.seq]);
    await client.query("COMMIT");
    return { rows, milliseconds: Date.now() - started };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
