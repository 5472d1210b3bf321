import { describe, expect, it } from "vitest";
import { afterInstall, installLine, planTools, toolPath, type MachineFacts, type Privilege } from "./plan";
import { REQUIRED_TOOLS, TOOL_LANES, toolsFor, type RequiredTool } from "./required";

const chromium: RequiredTool = { name: "Chromium", neededBy: "the browser tests", command: "/usr/bin/chromium", package: "chromium", env: "CHROMIUM_PATH", lane: "browser" };
const promtool: RequiredTool = { name: "promtool", neededBy: "the metrics tests", command: "/usr/bin/promtool", package: "prometheus", env: "PROMTOOL_PATH", lane: "integration" };

const facts = (over: Partial<MachineFacts> & { present?: string[] } = {}): MachineFacts => {
  const present = new Set(over.present ?? []);
  return { env: {}, privilege: "root", hasApt: true, isExecutable: (p) => present.has(p), ...over };
};

describe("planTools", () => {
  it("does nothing when every tool is where the tests will look", () => {
    expect(planTools([chromium, promtool], facts({ present: ["/usr/bin/chromium", "/usr/bin/promtool"] }))).toEqual({ action: "none" });
    expect(planTools([chromium], facts({ env: { CHROMIUM_PATH: "/opt/chrome/chrome" }, present: ["/opt/chrome/chrome"] }))).toEqual({ action: "none" });
  });

  it("as root installs every missing package in one apt-get install, after apt-get update", () => {
    expect(planTools([chromium, promtool], facts())).toEqual({
      action: "install",
      packages: ["chromium", "prometheus"],
      missing: ["/usr/bin/chromium", "/usr/bin/promtool"],
      commands: [["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "prometheus"]],
    });
  });

  it("installs only what is missing, each package once", () => {
    const amtool: RequiredTool = { ...promtool, name: "prometheus", command: "/usr/bin/prometheus", env: "PROMETHEUS_PATH" };
    const plan = planTools([chromium, promtool, amtool], facts({ present: ["/usr/bin/chromium"] }));
    expect(plan).toMatchObject({ action: "install", packages: ["prometheus"], missing: ["/usr/bin/promtool", "/usr/bin/prometheus"] });
  });

  it("with passwordless sudo runs the same commands through sudo -n", () => {
    expect(planTools([chromium], facts({ privilege: "sudo" }))).toMatchObject({
      action: "install",
      commands: [["sudo", "-n", "apt-get", "update"], ["sudo", "-n", "apt-get", "install", "-y", "chromium"]],
    });
  });

  it.each<[Privilege, string]>([
    ["sudo-password", "`sudo apt-get update && sudo apt-get install -y chromium`"],
    ["none", "`su -c 'apt-get update && apt-get install -y chromium'`"],
  ])("without the right to install (%s) stops with one line naming the command", (privilege, command) => {
    const plan = planTools([chromium], facts({ privilege }));
    expect(plan.action).toBe("stop");
    if (plan.action !== "stop") return;
    expect(plan.message).toContain(command);
    expect(plan.message).toContain("/usr/bin/chromium");
    expect(plan.message).not.toContain("\n");
  });

  it("never installs for a path the person chose: it says to fix or unset the variable", () => {
    for (const privilege of ["root", "sudo", "none"] as const) {
      const plan = planTools([chromium], facts({ privilege, env: { CHROMIUM_PATH: "/nowhere/chromium" } }));
      expect(plan).toEqual({
        action: "stop",
        message: "CHROMIUM_PATH=/nowhere/chromium is not an executable file: point it at Chromium, or unset it to use /usr/bin/chromium (Debian's chromium, which npm test installs when it can).",
      });
    }
  });

  it("on a machine without apt-get names the variable to set", () => {
    const plan = planTools([chromium], facts({ hasApt: false }));
    expect(plan).toMatchObject({ action: "stop", message: expect.stringContaining("`CHROMIUM_PATH=<path to Chromium> npm test`") });
  });

  it("an empty variable counts as unset", () => {
    expect(toolPath(chromium, { CHROMIUM_PATH: " " })).toBe("/usr/bin/chromium");
  });
});

describe("afterInstall", () => {
  it("is null when the install brought every tool, else one line naming what is still missing", () => {
    expect(afterInstall([chromium], facts({ present: ["/usr/bin/chromium"] }), ["chromium"])).toBeNull();
    expect(afterInstall([chromium], facts(), ["chromium"])).toBe(
      "Installed chromium, but /usr/bin/chromium (Chromium, for the browser tests) is still missing: check `dpkg -L chromium`.",
    );
  });
});

describe("installLine", () => {
  it("is what a person types for each privilege", () => {
    expect(installLine(["chromium", "prometheus"], "root")).toBe("apt-get update && apt-get install -y chromium prometheus");
    expect(installLine(["chromium"], "sudo")).toBe("sudo apt-get update && sudo apt-get install -y chromium");
  });
});

describe("REQUIRED_TOOLS", () => {
  it("names each tool by an absolute path, a package and the variable the tests read", () => {
    for (const tool of REQUIRED_TOOLS) {
      expect(tool.command).toMatch(/^\//);
      expect(tool.package).toMatch(/^[a-z0-9][a-z0-9.+-]+$/);
      expect(tool.env).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });
  it("puts each tool in one lane, and the lanes together hold them all", () => {
    expect(TOOL_LANES.flatMap((lane) => toolsFor(lane)).map((t) => t.command).sort()).toEqual(REQUIRED_TOOLS.map((t) => t.command).sort());
    expect(toolsFor("browser").map((t) => t.name)).toEqual(["Chromium"]);
  });
});
