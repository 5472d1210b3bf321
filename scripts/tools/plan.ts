// What to do about the tools the tests need (scripts/tools/required.ts), decided from facts the
// caller gathers: which paths are executable, who we are, whether apt-get and sudo are there.
// Pure, so every branch is tested without touching the machine (plan.test.ts).
import type { RequiredTool } from "./required";

/** How this process may install Debian packages. */
export type Privilege =
  | "root"
  /** sudo without a password (`sudo -n true` succeeds). */
  | "sudo"
  /** sudo that asks for a password: a person can run it, a test run cannot. */
  | "sudo-password"
  | "none";

export interface MachineFacts {
  env: Readonly<Record<string, string | undefined>>;
  isExecutable: (path: string) => boolean;
  privilege: Privilege;
  /** apt-get exists (a Debian or Ubuntu machine). */
  hasApt: boolean;
}

export type ToolPlan =
  | { action: "none" }
  /** Run these commands in order, then check again. `packages` are what they install. */
  | { action: "install"; packages: string[]; commands: string[][]; missing: string[] }
  /** Stop: `message` is one line that names exactly what to run or change. */
  | { action: "stop"; message: string };

/** Where the tests will look for the tool: the environment variable when set, else Debian's path. */
export function toolPath(tool: RequiredTool, env: MachineFacts["env"]): string {
  const override = env[tool.env]?.trim();
  return override ? override : tool.command;
}

function describe(tools: RequiredTool[]): string {
  return tools.map((t) => `${t.command} (${t.name}, for ${t.neededBy})`).join(", ");
}

/** The shell line a person runs to install `packages`, as `privilege` allows. */
export function installLine(packages: string[], privilege: Privilege): string {
  const list = packages.join(" ");
  if (privilege === "root") return `apt-get update && apt-get install -y ${list}`;
  if (privilege === "none") return `su -c 'apt-get update && apt-get install -y ${list}'`;
  return `sudo apt-get update && sudo apt-get install -y ${list}`;
}

export function planTools(tools: readonly RequiredTool[], facts: MachineFacts): ToolPlan {
  const missing = tools.filter((t) => !facts.isExecutable(toolPath(t, facts.env)));
  if (missing.length === 0) return { action: "none" };

  // A path the person chose is theirs to fix: installing Debian's package would not put it there.
  const overridden = missing.find((t) => toolPath(t, facts.env) !== t.command);
  if (overridden) {
    return {
      action: "stop",
      message:
        `${overridden.env}=${toolPath(overridden, facts.env)} is not an executable file: point it at ${overridden.name}, ` +
        `or unset it to use ${overridden.command} (Debian's ${overridden.package}, which npm test installs when it can).`,
    };
  }

  const packages = [...new Set(missing.map((t) => t.package))];
  if (!facts.hasApt) {
    const envs = missing.map((t) => `${t.env}=<path to ${t.name}>`).join(" ");
    return { action: "stop", message: `Missing ${describe(missing)} and this is not a Debian machine (no apt-get): install it and run \`${envs} npm test\`.` };
  }
  if (facts.privilege === "root" || facts.privilege === "sudo") {
    const sudo = facts.privilege === "sudo" ? ["sudo", "-n"] : [];
    return {
      action: "install",
      packages,
      missing: missing.map((t) => t.command),
      commands: [
        [...sudo, "apt-get", "update"],
        [...sudo, "apt-get", "install", "-y", ...packages],
      ],
    };
  }
  return { action: "stop", message: `Missing ${describe(missing)}: run \`${installLine(packages, facts.privilege)}\`, then npm test again.` };
}

/** After an install: what is still missing, as the one line to stop with, or null when all is there. */
export function afterInstall(tools: readonly RequiredTool[], facts: MachineFacts, packages: string[]): string | null {
  const still = tools.filter((t) => !facts.isExecutable(toolPath(t, facts.env)));
  if (still.length === 0) return null;
  return `Installed ${packages.join(" ")}, but ${describe(still)} is still missing: check \`dpkg -L ${still.map((t) => t.package).join(" ")}\`.`;
}
