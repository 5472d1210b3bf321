import type { PersonActor, SystemActor } from "../auth/actor";
import { PEOPLE, type Person } from "./data/organisation";
import type { DemoRandom } from "./random";

/** One incident the demo wrote, for the steps after it (follow-ups, risks, reviews). */
export interface DemoIncident {
  scenario: string;
  id: string;
  reference: string;
  title: string;
  responder: Person;
  startedAt: number;
  resolvedAt: number | null;
  postmortemWritten: boolean;
}

/** What every step of the demo reads and adds to. */
export interface DemoContext {
  /** The instant the demo is filled at, to the minute: every time in it is relative to this. */
  now: number;
  /**
   * Where the demo's record begins (about six months back): the services' `measuredSince` (the
   * instant from which their incident record counts, steps/services.ts).
   */
  recordStart: number;
  /** The organisation's zone: due dates and weeks are cut in it. */
  timeZone: string;
  random: DemoRandom;
  /** The seed of `random`: a step that draws many numbers takes dice of its own from it. */
  seed: number;
  /** Who made what needs an account (probes): the admin who asked, else the first admin; null when there is none yet. */
  creator: PersonActor | null;
  incidents: DemoIncident[];
  /** Risk ids by their key in data/risks.ts. */
  risks: Map<string, string>;
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** One of the demo's people, acting without an account: the audit trail and timelines name them. */
export function as(person: Person): SystemActor {
  const name = PEOPLE[person];
  return { kind: "system", userId: null, label: name, role: "admin", name, email: "" };
}
