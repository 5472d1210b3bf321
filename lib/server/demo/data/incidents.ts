// What went wrong at the demo organisation over six months: each scenario is a kind of incident
// that happened once or several times (`daysAgo`), with its timeline, its write-up and its
// follow-ups. Times within a day, durations and delays are drawn by the seeded dice
// (steps/incidents.ts); everything a person reads is written here.
import type { Scenario } from "./incident-types";
import { BUYING } from "./incidents-buying";
import { MINOR } from "./incidents-minor";
import { PLATFORM } from "./incidents-platform";

export type { PostmortemFacts, Scenario } from "./incident-types";

export const SCENARIOS: readonly Scenario[] = [...BUYING, ...PLATFORM, ...MINOR];

/** Happening as the demo is filled: an incident still open, so the overview and its page show one live. */
export const ONGOING: Scenario & { startedMinutesAgo: number } = {
  key: "search-latency-now",
  title: "Search slow for customers in the north",
  severity: "SEV3",
  impacts: [{ service: "search", fraction: 0.3 }],
  daysAgo: [0],
  hours: [0, 0],
  minutes: [0, 0],
  detect: [3, 3],
  acknowledge: [4, 4],
  startedMinutesAgo: 38,
  responder: "kwame",
  acknowledged: "Looking. Search p95 is 4 s from the northern data centre, normal elsewhere.",
  updates: [{ at: 0, by: "kwame", message: "One search node in the north is swapping; draining it from the pool." }],
  resolved: "",
  summary: "Search is slow for customers served from the northern data centre.",
  rootCause: "",
};
