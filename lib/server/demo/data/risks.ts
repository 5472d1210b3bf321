// The demo organisation's risk register: what could take its services down, assessed three
// times, estimated the CRE way, with its reviews. Incidents that realised a risk name it by key
// (data/incidents.ts).
import type { Person } from "./organisation";

type Cell = `${"A" | "B" | "C" | "D" | "E"}${1 | 2 | 3 | 4 | 5}`;

export interface DemoRisk {
  key: string;
  title: string;
  /** A service slug, or null for a cross-cutting risk. */
  service: string | null;
  owner: Person;
  cause: string;
  event: string;
  consequence: string;
  description?: string;
  /** Likelihood then consequence, e.g. "B4". */
  inherent: Cell;
  current: Cell;
  target: Cell;
  treatment: "mitigate" | "accept" | "avoid" | "transfer";
  /** For an accepted risk: who accepted it, and for how many days from now. */
  accepted?: { by: Person; forDays: number };
  monitoringDetects: boolean | null;
  mitigationPlan: string;
  /** Minutes to detect and to repair, days between occurrences, share of users hit. */
  estimates?: { ettd: number; ettr: number; ettf: number; impact: number };
  identifiedDaysAgo: number;
  /** Reviews held, oldest first: days ago and the note. */
  reviews: { daysAgo: number; by: Person; note: string }[];
  /** Mitigation work, with its due date in days from now (negative: already due). */
  actions?: { title: string; owner: Person; dueDays: number; status?: "open" | "done" | "wont_do" }[];
  closed?: boolean;
}

export const RISKS: readonly DemoRisk[] = [
  {
    key: "payment-provider",
    title: "A single payment provider",
    service: "payments",
    owner: "tomas",
    cause: "Every card payment goes through one provider, in one of its regions.",
    event: "The provider degrades or fails in that region.",
    consequence: "Customers cannot pay; checkout fails for everyone paying by card until the provider recovers.",
    inherent: "B4",
    current: "C4",
    target: "D4",
    treatment: "mitigate",
    monitoringDetects: true,
    mitigationPlan: "Add a second provider behind the payment router and fail over when the error rate passes 5 % for two minutes.",
    estimates: { ettd: 5, ettr: 40, ettf: 60, impact: 0.4 },
    identifiedDaysAgo: 190,
    reviews: [
      { daysAgo: 95, by: "tomas", note: "Second timeout incident this quarter. Contract with the second provider signed; integration planned for next quarter." },
      { daysAgo: 9, by: "tomas", note: "Third occurrence. Router work started; deadline per payment shipped, which shortened the last incident." },
    ],
    actions: [
      { title: "Integrate the second payment provider behind the payment router", owner: "tomas", dueDays: 40 },
      { title: "Fail over between providers on error rate, with a manual switch", owner: "tomas", dueDays: 70 },
    ],
  },
  {
    key: "big-bang-releases",
    title: "Releases reach every customer at once",
    service: "checkout",
    owner: "luca",
    cause: "Checkout is released to every server in one step.",
    event: "A faulty release fails every request before anyone notices.",
    consequence: "No customer can place an order until the release is rolled back.",
    inherent: "A4",
    current: "B4",
    target: "D4",
    treatment: "mitigate",
    monitoringDetects: true,
    mitigationPlan: "Canary releases: 5 % of traffic for ten minutes, compared automatically with the rest, before going further.",
    estimates: { ettd: 3, ettr: 15, ettf: 45, impact: 1 },
    identifiedDaysAgo: 140,
    reviews: [{ daysAgo: 30, by: "luca", note: "Canary tooling chosen. Until it is live, checkout releases happen only with two people watching." }],
  },
  {
    key: "certificate-expiry",
    title: "Certificates renewed by hand expire unnoticed",
    service: null,
    owner: "ingrid",
    cause: "Some certificates are issued and renewed by hand, their expiry tracked in personal calendars.",
    event: "A certificate expires.",
    consequence: "Whatever serves it refuses every connection: sign-in, the partner API or a payment callback stops at once.",
    inherent: "C5",
    current: "D5",
    target: "E5",
    treatment: "mitigate",
    monitoringDetects: false,
    mitigationPlan: "Automatic renewal for every certificate, and an alert 30 days before any expiry.",
    estimates: { ettd: 10, ettr: 60, ettf: 365, impact: 1 },
    identifiedDaysAgo: 117,
    reviews: [
      { daysAgo: 110, by: "ingrid", note: "After the sign-in outage: 14 certificates found that are renewed by hand." },
      { daysAgo: 50, by: "ingrid", note: "9 of 14 moved to automatic renewal. Expiry alert live." },
      { daysAgo: 4, by: "priya", note: "12 of 14 done; the last two belong to the payment callback and need the provider." },
    ],
  },
  {
    key: "catalog-failover",
    title: "A catalogue database failover stalls product pages",
    service: "catalog",
    owner: "kwame",
    cause: "The catalogue database has one primary; clients keep connections for five minutes.",
    event: "The primary fails over to its replica.",
    consequence: "Product pages, baskets and search are slow or fail for several minutes while clients reconnect.",
    inherent: "C3",
    current: "C3",
    target: "D3",
    treatment: "accept",
    accepted: { by: "sofia", forDays: 75 },
    monitoringDetects: true,
    mitigationPlan: "Accepted until the connection changes ship: failovers are rare and short. Shorter connection lifetimes are planned.",
    estimates: { ettd: 1, ettr: 10, ettf: 90, impact: 0.5 },
    identifiedDaysAgo: 160,
    reviews: [{ daysAgo: 12, by: "sofia", note: "Accepted for another quarter: two failovers in six months, both under 20 minutes." }],
  },
  {
    key: "indexer-backlog",
    title: "The search indexer falls behind bulk imports",
    service: "search",
    owner: "kwame",
    cause: "The indexer runs a fixed number of workers sized for everyday changes.",
    event: "A supplier import changes tens of thousands of products at once.",
    consequence: "Search shows outdated prices and stock for hours.",
    inherent: "B2",
    current: "B2",
    target: "C2",
    treatment: "mitigate",
    monitoringDetects: true,
    mitigationPlan: "Scale the indexer on its queue length; ask suppliers to send imports in smaller batches.",
    estimates: { ettd: 30, ettr: 120, ettf: 45, impact: 0.2 },
    identifiedDaysAgo: 175,
    reviews: [
      { daysAgo: 120, by: "kwame", note: "Happened twice now. Autoscaling on queue length is the fix." },
      { daysAgo: 35, by: "kwame", note: "Still open; autoscaling slipped behind the search relaunch." },
    ],
  },
  {
    key: "mail-throttling",
    title: "The mail provider throttles order confirmations",
    service: "notifications",
    owner: "jonas",
    cause: "Marketing and order mail share one sending account at the provider.",
    event: "A bounce spike from marketing mail makes the provider throttle the account.",
    consequence: "Order confirmations and password resets arrive hours late.",
    inherent: "B3",
    current: "B2",
    target: "C2",
    treatment: "transfer",
    monitoringDetects: true,
    mitigationPlan: "Separate sending accounts; the provider's contract credits us for throttling beyond an hour.",
    estimates: { ettd: 15, ettr: 90, ettf: 60, impact: 0.6 },
    identifiedDaysAgo: 130,
    reviews: [{ daysAgo: 18, by: "jonas", note: "Contract amended with credits. Account split planned." }],
  },
  {
    key: "basket-cache",
    title: "Baskets live only in a cache",
    service: "cart",
    owner: "luca",
    cause: "A basket is stored in the cache only, which operations treat as disposable.",
    event: "A cache node is replaced or fails.",
    consequence: "The baskets it held are lost; customers find them empty.",
    inherent: "C3",
    current: "C3",
    target: "E3",
    treatment: "mitigate",
    monitoringDetects: false,
    mitigationPlan: "Write baskets through to the database; alert on the share of empty baskets at checkout.",
    estimates: { ettd: 20, ettr: 60, ettf: 120, impact: 0.12 },
    identifiedDaysAgo: 105,
    reviews: [{ daysAgo: 20, by: "luca", note: "Happened again last week. Write-through is next sprint's first item." }],
  },
  {
    key: "shared-dns",
    title: "One resolver pair answers every DNS lookup",
    service: null,
    owner: "priya",
    cause: "Every service resolves names through the same two internal resolvers, without caching.",
    event: "One heavy client overloads both resolvers.",
    consequence: "Every service sees intermittent errors at once.",
    inherent: "C4",
    current: "C4",
    target: "E4",
    treatment: "mitigate",
    monitoringDetects: true,
    mitigationPlan: "A caching resolver on every host; limits per client on the shared resolvers.",
    estimates: { ettd: 3, ettr: 20, ettf: 180, impact: 0.2 },
    identifiedDaysAgo: 79,
    reviews: [],
    actions: [{ title: "Limit queries per client on the shared resolvers", owner: "priya", dueDays: -6 }],
  },
  {
    key: "region-loss",
    title: "Loss of the cloud region we run in",
    service: null,
    owner: "sofia",
    cause: "Everything runs in one region of one cloud provider.",
    event: "The region becomes unavailable for hours.",
    consequence: "Every service is down until the region recovers or we rebuild elsewhere.",
    inherent: "E5",
    current: "E5",
    target: "E5",
    treatment: "accept",
    accepted: { by: "sofia", forDays: 200 },
    monitoringDetects: true,
    mitigationPlan: "Accepted: a second region costs more than the expected loss. Backups are copied to another region daily.",
    estimates: { ettd: 5, ettr: 480, ettf: 3650, impact: 1 },
    identifiedDaysAgo: 200,
    reviews: [{ daysAgo: 100, by: "sofia", note: "Re-accepted by the leadership team after the yearly cost review." }],
  },
  {
    key: "reporting-disk",
    title: "The old reporting cluster runs out of disk",
    service: "merchant-reports",
    owner: "aisha",
    cause: "The previous reporting cluster had fixed disks that filled every quarter.",
    event: "A disk fills during the monthly load.",
    consequence: "Merchant reports stop until space is freed.",
    inherent: "B2",
    current: "E2",
    target: "E2",
    treatment: "avoid",
    monitoringDetects: true,
    mitigationPlan: "Avoided: the reports moved to the managed warehouse, which grows on its own.",
    identifiedDaysAgo: 185,
    reviews: [{ daysAgo: 90, by: "aisha", note: "Migration to the managed warehouse finished; closing." }],
    closed: true,
  },
];
