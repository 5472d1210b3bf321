// What the demo writes, counted from its data without touching a database (`npm run demo -- --dry-run`).
import { SCENARIOS } from "./data/incidents";
import { SERVICES } from "./data/organisation";
import { REVIEWS } from "./data/reviews";
import { RISKS } from "./data/risks";

export function demoPlan(): string {
  const incidents = SCENARIOS.reduce((n, s) => n + s.daysAgo.length, 0) + 1; // and ONGOING
  const tiers = new Set(SERVICES.map((s) => s.tier)).size;
  const followUps = SCENARIOS.reduce((n, s) => n + (s.followUps?.length ?? 0), 0) + RISKS.reduce((n, r) => n + (r.actions?.length ?? 0), 0);
  return [
    `${SERVICES.length} services on ${tiers} tiers`,
    `${incidents} incidents over six months (one still going on)`,
    `up to ${followUps} action items`,
    `${RISKS.length} risks with ${RISKS.reduce((n, r) => n + r.reviews.length, 0)} reviews`,
    `${REVIEWS.length} weekly reviews (${REVIEWS.filter((r) => r.closed).length} closed)`,
  ].join(", ");
}
