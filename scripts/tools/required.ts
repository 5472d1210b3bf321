// The programs outside npm that the tests run, as data: `npm test` checks them first (scripts/
// tools/ensure.ts) and installs the missing ones from Debian, so a fresh machine needs nothing but
// `npm ci && npm test`. A test that needs another program adds a line here.

export interface RequiredTool {
  /** What a person reads: the program and what needs it. */
  name: string;
  neededBy: string;
  /** Where Debian's package puts it. */
  command: string;
  /** The Debian package that provides `command`. */
  package: string;
  /** Environment variable naming another copy to use instead; the tests read the same one. */
  env: string;
  /** The tests that need it: npm test installs each lane's tools before that lane starts. */
  lane: ToolLane;
}

export type ToolLane = "integration" | "browser";
export const TOOL_LANES: readonly ToolLane[] = ["integration", "browser"];

export const REQUIRED_TOOLS: readonly RequiredTool[] = [
  { name: "Chromium", neededBy: "the browser tests", command: "/usr/bin/chromium", package: "chromium", env: "CHROMIUM_PATH", lane: "browser" },
  { name: "Prometheus", neededBy: "the measured-SLO tests (a real server scraping the test's exporter)", command: "/usr/bin/prometheus", package: "prometheus", env: "PROMETHEUS_PATH", lane: "integration" },
  { name: "promtool", neededBy: "the check of the generated alerting rules", command: "/usr/bin/promtool", package: "prometheus", env: "PROMTOOL_PATH", lane: "integration" },
];

/** The tools one lane of tests needs. */
export const toolsFor = (lane: ToolLane): RequiredTool[] => REQUIRED_TOOLS.filter((t) => t.lane === lane);
