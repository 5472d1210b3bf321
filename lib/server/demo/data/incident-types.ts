// The shape of the demo's incident scenarios (incidents.ts lists them).
import type { Person } from "./organisation";

export interface PostmortemFacts {
  /** "Tuesday 14 April, 14:05 UTC" */
  started: string;
  detectedAfter: string;
  lasted: string;
  services: string;
}

export interface Scenario {
  key: string;
  title: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4" | "SEV5";
  kind?: "unplanned" | "maintenance";
  /** `after`: minutes after the incident's start this service was hit (else from the start). */
  impacts: { service: string; fraction: number; after?: number }[];
  /** Roughly how many days ago each occurrence started (the dice move each by up to a day). */
  daysAgo: number[];
  /** Hours of the day (UTC) it may start in; maintenance starts on the hour. */
  hours: [number, number];
  /** Minutes, as [shortest, longest]: how long it lasted, until the alert, until someone answered it. */
  minutes: [number, number];
  detect: [number, number];
  acknowledge: [number, number];
  responder: Person;
  acknowledged: string;
  /** Typed updates, each at a share (0–1) of the way from detection to resolution. */
  updates: { at: number; by: Person; message: string }[];
  mitigated?: string;
  resolved: string;
  summary: string;
  rootCause: string;
  /** For SEV1 and SEV2: the write-up. The latest occurrence, if under a week old, has none yet. */
  postmortem?: (facts: PostmortemFacts) => string;
  followUps?: { title: string; owner: Person; dueDays: number }[];
  /** The risk (data/risks.ts) these incidents realised. */
  risk?: string;
}
