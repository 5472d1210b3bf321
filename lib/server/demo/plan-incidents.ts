// When each of the demo's incidents happened, and who wrote what on its timeline when: drawn by
// the seeded dice from the scenarios' ranges, relative to `now`. Pure (no database), so the same
// seed and instant always give the same history (plan-incidents.test.ts).
import { DAY, MINUTE } from "./context";
import { ONGOING, SCENARIOS, type Scenario } from "./data/incidents";
import type { Person } from "./data/organisation";
import type { DemoRandom } from "./random";

export type Entry = { at: number; by: Person; type: "acknowledged" | "update" | "mitigated" | "resolved"; message: string };

/** One occurrence of a scenario: its instants, and its timeline entries in order. */
export interface Occurrence {
  started: number;
  detected: number;
  entries: Entry[];
  /** null: still going on. */
  resolved: number | null;
}

function occurrence(now: number, random: DemoRandom, s: Scenario, daysAgo: number): Occurrence {
  const midnight = Math.floor((now - daysAgo * DAY) / DAY) * DAY + random.int(daysAgo > 2 ? -1 : 0, 0) * DAY;
  const started = midnight + random.int(s.hours[0], s.hours[1]) * 60 * MINUTE + (s.kind === "maintenance" ? 0 : random.int(0, 59) * MINUTE);
  const lasts = random.int(s.minutes[0], s.minutes[1]) * MINUTE;
  const detected = started + random.int(s.detect[0], s.detect[1]) * MINUTE;
  const resolved = started + lasts;
  const acknowledged = Math.min(detected + random.int(s.acknowledge[0], s.acknowledge[1]) * MINUTE, resolved);
  const at = (share: number) => acknowledged + Math.round((share * (resolved - acknowledged)) / MINUTE) * MINUTE;
  const entries: Entry[] = [
    { at: acknowledged, by: s.responder, type: "acknowledged", message: s.acknowledged },
    ...s.updates.map((u) => ({ at: at(u.at), by: u.by, type: "update" as const, message: u.message })),
    ...(s.mitigated ? [{ at: at(0.85), by: s.responder, type: "mitigated" as const, message: s.mitigated }] : []),
    { at: resolved, by: s.responder, type: "resolved", message: s.resolved },
  ];
  return { started, detected, entries, resolved };
}

/** The one going on as the demo is filled: detected, acknowledged, an update, no end yet. */
function ongoing(now: number): Occurrence {
  const started = now - ONGOING.startedMinutesAgo * MINUTE;
  const detected = started + ONGOING.detect[0] * MINUTE;
  const acknowledged = detected + ONGOING.acknowledge[0] * MINUTE;
  return {
    started,
    detected,
    resolved: null,
    entries: [
      { at: acknowledged, by: ONGOING.responder, type: "acknowledged", message: ONGOING.acknowledged },
      ...ONGOING.updates.map((u) => ({ at: acknowledged + 6 * MINUTE, by: u.by, type: "update" as const, message: u.message })),
    ],
  };
}

/** Every occurrence, oldest first, the ongoing one last. */
export function planIncidents(now: number, random: DemoRandom): { scenario: Scenario; occurrence: Occurrence }[] {
  const past = SCENARIOS.flatMap((scenario) => scenario.daysAgo.map((daysAgo) => ({ scenario, occurrence: occurrence(now, random, scenario, daysAgo) })));
  past.sort((a, b) => a.occurrence.started - b.occurrence.started);
  return [...past, { scenario: ONGOING, occurrence: ongoing(now) }];
}
