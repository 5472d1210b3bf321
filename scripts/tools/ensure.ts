// The first step of each lane of `npm test` (and of `npm run test:e2e`): every program in required.ts is
// there, or Debian's package is installed now (as root, or through sudo without a password), or
// the run stops in seconds with one line that says exactly what to run, instead of failing the
// browser tests ten minutes later.
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { isMain } from "../lib/is-main";
import { afterInstall, planTools, type MachineFacts, type Privilege } from "./plan";
import { REQUIRED_TOOLS, TOOL_LANES, toolsFor, type RequiredTool, type ToolLane } from "./required";

const log = (message: string) => console.log(`[tools] ${message}`);

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function privilege(): Privilege {
  if (process.getuid?.() === 0) return "root";
  const sudo = spawnSync("sudo", ["-n", "true"], { stdio: "ignore" });
  if (sudo.error) return "none"; // no sudo at all
  return sudo.status === 0 ? "sudo" : "sudo-password";
}

export function machineFacts(env: NodeJS.ProcessEnv = process.env): MachineFacts {
  return { env, isExecutable, privilege: privilege(), hasApt: spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0 };
}

/** Runs one command quietly; on failure prints the end of its output. */
function run(argv: string[]): boolean {
  const [command, ...args] = argv as [string, ...string[]];
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0) return true;
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`.trim().split("\n");
  console.error(output.slice(-20).join("\n"));
  return false;
}

/**
 * Makes sure every tool is there. Returns null when the tests can run, else the one line to stop
 * with. `facts` is for tests; by default it reads this machine.
 */
export function ensureTools(tools: readonly RequiredTool[] = REQUIRED_TOOLS, facts: MachineFacts = machineFacts()): string | null {
  const plan = planTools(tools, facts);
  if (plan.action === "none") return null;
  if (plan.action === "stop") return plan.message;
  const started = Date.now();
  log(`missing ${plan.missing.join(", ")}: installing Debian's ${plan.packages.join(" ")}, a few minutes on a new machine (${plan.commands.map((c) => c.join(" ")).join(" && ")})`);
  for (const command of plan.commands) {
    if (!run(command)) return `\`${command.join(" ")}\` failed (its output is above): fix that, or run it yourself, then npm test again.`;
  }
  const still = afterInstall(tools, facts, plan.packages);
  if (still === null) log(`installed ${plan.packages.join(" ")} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return still;
}

if (isMain(import.meta.url)) {
  // `--lane integration|browser`: only the tools those tests need (npm test installs the
  // integration tests' first, so they start while Chromium is still being installed).
  const at = process.argv.indexOf("--lane");
  const lane = at === -1 ? null : process.argv[at + 1];
  if (lane !== null && !TOOL_LANES.includes(lane as ToolLane)) {
    console.error(`[tools] --lane takes one of ${TOOL_LANES.join(", ")}, not ${lane ?? "nothing"}`);
    process.exit(2);
  }
  const problem = ensureTools(lane === null ? REQUIRED_TOOLS : toolsFor(lane as ToolLane));
  if (problem) {
    console.error(`[tools] ${problem}`);
    process.exit(1);
  }
}
