// The production build, made only when `.next` is missing or stale (scripts/lib/build-stamp.ts).
// For the scripts that need a build before they start the app (`npm test`, the benches); `npm
// start` builds under its own process supervision (scripts/start.ts).
import { spawn } from "node:child_process";
import { isBuildCurrent, sourceFingerprint, writeBuildStamp } from "./build-stamp";

export type BuildOutcome = { built: boolean; output: string };

/**
 * Builds when needed. `quiet`: the build's output is kept and returned (and thrown with, when it
 * fails) rather than printed as it comes, so it does not interleave with a run beside it.
 * Under NINES_BUILD_TYPECHECK=beside (npm test, which typechecks the project beside the build and
 * uses no build whose typecheck failed) the build skips its own typecheck (next.config.js), and is
 * stamped so (build-stamp.ts).
 */
export async function ensureBuild(root: string, { quiet = false }: { quiet?: boolean } = {}): Promise<BuildOutcome> {
  const fingerprint = await sourceFingerprint(root);
  if (await isBuildCurrent(root, fingerprint)) return { built: false, output: "" };
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})${output ? `:\n${output}` : ""}`);
  await writeBuildStamp(root, fingerprint);
  return { built: true, output };
}
