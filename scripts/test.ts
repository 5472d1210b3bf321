// `npm test`: every check a change must pass, in one command that works on a fresh machine.
//
// In order: the tools the tests need (scripts/tools), typecheck, lint, unit tests; then the
// integration tests and the app's production build side by side; then the browser tests on that
// build (e2e/run.ts, which finds it current and does not build again). Side by side because the
// integration tests wait on PostgreSQL most of the time and leave a CPU idle, which the build
// (several minutes of CPU) uses: on two CPUs this saves the build's time from the whole run.
// The first step that fails stops the run, with its exit code.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "./lib/ensure-build";

const ROOT = path.resolve(import.meta.dirname, "..");
const log = (message: string) => console.log(`[test] ${message}`);

function npmRun(script: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script], { cwd: ROOT, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
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

async function main(): Promise<number> {
  const started = Date.now();
  for (const script of ["test:tools", "typecheck", "lint", "test:unit"]) {
    const code = await timed(script, () => npmRun(script));
    if (code !== 0) return code;
  }
  const [integration, build] = await Promise.allSettled([
    timed("test:integration", () => npmRun("test:integration")),
    timed("build (beside the integration tests)", () => ensureBuild(ROOT, { quiet: true })),
  ]);
  if (build.status === "rejected") {
    console.error(build.reason instanceof Error ? build.reason.message : build.reason);
    return 1;
  }
  if (integration.status === "rejected") throw integration.reason;
  if (integration.value !== 0) return integration.value;
  const e2e = await timed("test:e2e", () => npmRun("test:e2e"));
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
