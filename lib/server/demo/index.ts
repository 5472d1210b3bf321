import "server-only";
import type { PersonActor } from "../auth/actor";
import { recordAudit } from "../audit";
import { ensureDefaults } from "../bootstrap";
import { pool, prisma } from "../db";
import { ConflictError } from "../errors";
import { getSettings } from "../settings";
import type { DemoContext } from "./context";
import { demoRandom } from "./random";
import { fillActionItems } from "./steps/action-items";
import { fillIncidents } from "./steps/incidents";
import { fillPrometheus } from "./steps/prometheus";
import { fillProbes } from "./steps/probes";
import { fillReviews } from "./steps/reviews";
import { fillRisks } from "./steps/risks";
import { fillServices } from "./steps/services";
import { fillStatusPage } from "./steps/status-page";

// The demo organisation: an empty installation filled with a believable one (twelve services on
// three tiers, six months of incidents with timelines and write-ups, follow-ups, a risk register
// with its reviews, closed weekly reviews, two paused probes with three months of runs and the SLOs
// they measure, a Prometheus datasource with an SLO's three months of history, a published status
// page), written through the app's own mutations so every
// audit event, derived column and impact copy is what the app itself writes. `npm run demo`
// (scripts/demo.ts) and the setup page's "Fill with a demo organisation" run this.
//
// To extend it with a new kind of thing: its data in data/, a step in steps/ that writes it with
// the mutation functions, and a line in DEMO_STEPS (after the steps whose results it reads).

export const DEMO_STEPS: readonly { name: string; fill: (ctx: DemoContext) => Promise<number> }[] = [
  { name: "services", fill: fillServices },
  { name: "incidents", fill: fillIncidents },
  { name: "follow-up action items", fill: fillActionItems },
  { name: "risks", fill: fillRisks },
  { name: "weekly reviews", fill: fillReviews },
  { name: "probes, with the SLOs they measure", fill: fillProbes },
  { name: "a Prometheus datasource, with an SLO's history", fill: fillPrometheus },
  { name: "a public status page, components", fill: fillStatusPage },
];

/** The same organisation every time, up to the instant it is filled at. */
export const DEMO_SEED = 9_999;

/** What already holds data; an installation with any of it is not empty. Tiers and people do not count. */
export async function installationContents(): Promise<Record<string, number>> {
  const [services, incidents, risks, actionItems, reviews, probes] = await Promise.all([
    prisma.service.count(),
    prisma.incident.count(),
    prisma.risk.count(),
    prisma.actionItem.count(),
    prisma.review.count(),
    prisma.probe.count(),
  ]);
  return { services, incidents, risks, "action items": actionItems, reviews, probes };
}

export function describeContents(contents: Record<string, number>): string {
  return Object.entries(contents)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${n === 1 ? what.replace(/s$/, "").replace(/ie$/, "y") : what}`)
    .join(", ");
}

export interface DemoResult {
  filled: Record<string, number>;
  milliseconds: number;
}

async function firstAdmin(): Promise<PersonActor | null> {
  const user = await prisma.user.findFirst({ where: { role: "admin", disabledAt: null }, orderBy: { createdAt: "asc" } });
  return user && { kind: "user", userId: user.id, label: user.email, role: "admin", name: user.name, email: user.email };
}

const DEMO_LOCK = 7_363_002; // pg advisory lock: one demo fill at a time

/**
 * Fills an empty installation with the demo organisation. Refuses (409) an installation that
 * already has services, incidents, risks, action items, reviews or probes. `requestedBy`: the
 * admin who asked for it (the setup page), named in the audit trail; null from the command line.
 */
export async function fillDemo(options: { requestedBy: PersonActor | null; now?: number; log?: (line: string) => void }): Promise<DemoResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const lock = await pool().connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [DEMO_LOCK]);
    if (!rows[0]?.locked) throw new ConflictError("A demo organisation is being filled into this installation right now");
    try {
      await ensureDefaults();
      const held = describeContents(await installationContents());
      if (held) throw new ConflictError(`This installation is not empty (${held}): the demo organisation only fills an empty one`);
      const now = Math.floor((options.now ?? Date.now()) / 60_000) * 60_000;
      const ctx: DemoContext = {
        now,
        recordStart: now - 190 * 86_400_000,
        timeZone: (await getSettings()).timeZone,
        random: demoRandom(DEMO_SEED),
        seed: DEMO_SEED,
        creator: options.requestedBy ?? (await firstAdmin()),
        incidents: [],
        risks: new Map(),
      };
      const filled: Record<string, number> = {};
      for (const step of DEMO_STEPS) {
        const at = Date.now();
        filled[step.name] = await step.fill(ctx);
        log(`${step.name}: ${filled[step.name]} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
      }
      await prisma.$transaction((tx) =>
        recordAudit(tx, options.requestedBy, { action: "fill_demo", entityType: "organisation", entityId: "1", after: { seed: DEMO_SEED, at: new Date(now).toISOString(), filled } }),
      );
      return { filled, milliseconds: Date.now() - started };
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [DEMO_LOCK]);
    }
  } finally {
    lock.release();
  }
}
