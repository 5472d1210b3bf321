import type { SystemActor } from "../auth/actor";
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
