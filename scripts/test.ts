// `npm test`: every check a change must pass, in one command that works on a fresh machine.
//
// First the tools the tests need (scripts/tools); then three lanes side by side: typecheck, lint
// and unit tests; the integration tests; the app's production build. Then the browser tests on
// that build (e2e/run.ts, which finds it current and does not build again). Side by side because
// the integration tests wait on PostgreSQL most of the time and leave a CPU idle, which the
// checks and the build (minutes of CPU) use: on two CPUs the run is as long as the integration
// tests, not their sum. A lane that fails fails the run, with its exit code, before the browser.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "./lib/ensure-build";

const ROOT = path.resolve(import.meta.dirname, "..");
const log = (message: string) => console.log(`[test] ${message}`);

/**
 * `quiet`: the script's output is held and printed in one piece when it ends, so a lane beside
 * another does not interleave its lines with the other's.
 */
function npmRun(script: string, quiet = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script], { cwd: ROOT, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env: quiet ? { ...process.env, FORCE_COLOR: "0" } : process.env });
    const held: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => held.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => held.push(chunk));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (held.length) process.stdout.write(`[test] ${script} said:\n${Buffer.concat(held).toString()}\n`);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  log(`${name}…`);
  try {
    return await work();
  } finally {
    log(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

/** Runs npm scripts one after another; the first that fails ends the chain with its code. */
async function chain(scripts: readonly string[], quiet = false): Promise<number> {
  for (const script of scripts) {
    const code = await timed(script, () => npmRun(script, quiet));
    if (code !== 0) return code;
  }
  return 0;
}

async function main(): Promise<number> {
  const started = Date.now();
  const tools = await chain(["test:tools"]);
  if (tools !== 0) return tools;
  // Three lanes at once: the checks that need only the sources, the integration tests (mostly
  // waiting on PostgreSQL), and the build the browser tests need.
  const [checks, integration, build] = await Promise.allSettled([
    chain(["typecheck", "lint", "test:unit"], true),
    chain(["test:integration"]),
    timed("build", () => ensureBuild(ROOT, { quiet: true })),
  ]);
  if (build.status === "rejected") console.error(build.reason instanceof Error ? build.reason.message : build.reason);
  for (const lane of [checks, integration]) {
    if (lane.status === "rejected") throw lane.reason;
    if (lane.value !== 0) return lane.value;
  }
  if (build.status === "rejected") return 1;
  const e2e = await chain(["test:e2e"]);
  log(`all: ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  return e2e;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
