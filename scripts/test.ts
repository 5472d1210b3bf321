// `npm test`: every check a change must pass, in one command that works on a fresh machine.
//
// Three lanes side by side: typecheck, lint and unit tests; the integration tests, once the tools
// they need are there (scripts/tools); the app's production build and, once it, the typecheck and
// Chromium are there, the browser tests on it (e2e/run.ts, which finds the build current).
// Side by side because the integration tests wait on PostgreSQL most of the time and leave a CPU
// idle, which the others use: on two CPUs the run is about as long as the build and the browser
// tests, not the sum of every step. Any lane that fails fails the run, with its exit code.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "./lib/ensure-build";

const ROOT = path.resolve(import.meta.dirname, "..");
const log = (message: string) => console.log(`[test] ${message}`);

/**
 * `quiet`: the script's output is held and printed in one piece when it ends, so a lane beside
 * another does not interleave its lines with the other's.
 */
function npmRun(script: string, quiet = false, args: readonly string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], { cwd: ROOT, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env: quiet ? { ...process.env, FORCE_COLOR: "0" } : process.env });
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
  // The build leaves the types to the typecheck beside it, which the browser tests wait for; the
  // build is stamped so, and only runs that say the same (this one and its children) use it
  // (scripts/lib/build-stamp.ts).
  process.env.NINES_BUILD_TYPECHECK = "beside";
  // The tools outside npm (scripts/tools) are installed lane by lane: Prometheus first (a small
  // package: the integration tests start after it), then Chromium (the large one) while the
  // typecheck, the build and the integration tests run; apt installs one at a time. Nothing else
  // needs them, so on a new machine the install no longer holds up every lane.
  const integrationTools = timed("tools for the integration tests", () => npmRun("test:tools", false, ["--lane", "integration"]));
  const browserTools = integrationTools.then((code) => (code !== 0 ? code : timed("tools for the browser tests", () => npmRun("test:tools", false, ["--lane", "browser"]))));
  // Then three lanes at once: the checks that need only the sources; the integration tests
  // (mostly waiting on PostgreSQL, their output held to the end so it does not interleave); the
  // build, then the browser tests on it. The browser tests are the longest lane, so they start as
  // soon as the build, the typecheck and Chromium are there (code that does not compile is not
  // worth 15 minutes of browsers), not after lint and the unit tests too: those take a minute
  // longer than the build, and a failure of theirs still fails the run (its output is printed
  // when it ends).
  const typecheck = chain(["typecheck"], true);
  const checks = typecheck.then((code) => (code !== 0 ? code : chain(["lint", "test:unit"], true)));
  const build = timed("build", () => ensureBuild(ROOT, { quiet: true }));
  const integration = integrationTools.then((code) => (code !== 0 ? code : chain(["test:integration"], true)));
  const browser = (async () => {
    const [typed, built, tools] = await Promise.allSettled([typecheck, build, browserTools]);
    for (const step of [typed, tools]) if (step.status === "fulfilled" && step.value !== 0) return step.value;
    for (const step of [typed, built, tools]) {
      if (step.status === "rejected") {
        console.error(step.reason instanceof Error ? step.reason.message : step.reason);
        return 1;
      }
    }
    return chain(["test:e2e"]);
  })();
  const codes = await Promise.all([checks, integration, browser]);
  log(`all: ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  return codes.find((code) => code !== 0) ?? 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
