// PgBouncer in transaction (or session) mode in front of a PostgreSQL, for `MULTI_PROCESS_PGBOUNCER=<binary>
// npx tsx e2e/multi-process.ts` (README "More than one process"). Not part of `npm test`: Debian's
// pgbouncer is not installed by it (nor libc-ares2, which it needs). Tried with Debian 12's pgbouncer 1.18,
// unpacked without root:
//   apt-get download pgbouncer libc-ares2 && for f in *.deb; do dpkg -x "$f" root; done
//   LD_LIBRARY_PATH=root/usr/lib/x86_64-linux-gnu root/usr/sbin/pgbouncer --version
// (this file sets LD_LIBRARY_PATH beside the binary's own tree).
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parsePostgresUrl } from "../scripts/db/pg-url";

export type PgBouncer = { url: string; /** The timeouts a connection through it has, as the server says. */ timeouts: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * Starts `binary` in transaction (or session) pooling mode on a free port, forwarding to
 * `databaseUrl`; returns the URL the app uses instead. `ignoreStartupParameters`: node-postgres
 * sends statement_timeout and idle_in_transaction_session_timeout (lib/server/db.ts) in its startup
 * packet, which PgBouncer refuses unless told to ignore them; ignored, they are set on the database
 * instead (ALTER DATABASE … SET), as an operator would, so the server still enforces them.
 */
export async function startPgBouncer(binary: string, databaseUrl: string, opts: { ignoreStartupParameters?: string; poolSize?: number; poolMode?: "transaction" | "session" } = {}): Promise<PgBouncer> {
  const db = parsePostgresUrl(databaseUrl);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const name = admin.escapeIdentifier(db.database);
    await admin.query(`ALTER DATABASE ${name} SET statement_timeout = '${Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS) || 5000}ms'`);
    await admin.query(`ALTER DATABASE ${name} SET idle_in_transaction_session_timeout = '${2 * (Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS) || 5000)}ms'`);
  } finally {
    await admin.end();
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "nines-pgbouncer-"));
  await chmod(dir, 0o755);
  const port = await freePort();
  const ini = [
    "[databases]",
    `${db.database} = host=${db.host} port=${db.port} dbname=${db.database} user=${db.user} password=${db.password}`,
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    "unix_socket_dir =",
    "auth_type = any",
    `pool_mode = ${opts.poolMode ?? "transaction"}`,
    // Session mode gives each client connection a server connection for as long as it stays open:
    // the pool must hold every app process's pool (2 × DATABASE_POOL_SIZE here), or requests queue.
    `default_pool_size = ${opts.poolSize ?? (opts.poolMode === "session" ? 25 : 10)}`,
    "max_client_conn = 200",
    `ignore_startup_parameters = ${opts.ignoreStartupParameters ?? "statement_timeout,idle_in_transaction_session_timeout"}`,
    "log_connections = 0",
    "log_disconnections = 0",
    "",
  ].join("\n");
  const iniPath = path.join(dir, "pgbouncer.ini");
  await writeFile(iniPath, ini, { mode: 0o644 });
  const libs = path.resolve(path.dirname(binary), "..", "lib", "x86_64-linux-gnu");
  // PgBouncer refuses to run as root; the embedded PostgreSQL's own user will do.
  const asUser = process.getuid?.() === 0 ? ["-u", "postgres"] : [];
  const child: ChildProcess = spawn(binary, [...asUser, iniPath], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":") } });
  const url = `postgres://${encodeURIComponent(db.user)}@127.0.0.1:${port}/${encodeURIComponent(db.database)}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer exited with code ${child.exitCode}`);
    }
    const listening = await new Promise<boolean>((resolve) => {
      const s = new net.Socket();
      s.once("connect", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
      s.connect(port, "127.0.0.1");
    });
    if (listening) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await rm(dir, { recursive: true, force: true });
      throw new Error("pgbouncer did not listen within 10 s");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const through = new pg.Client({ connectionString: url });
  await through.connect();
  const { rows } = await through.query<{ s: string; i: string }>("SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i");
  await through.end();
  return {
    url,
    timeouts: `statement_timeout ${rows[0]?.s}, idle_in_transaction_session_timeout ${rows[0]?.i}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGINT");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
