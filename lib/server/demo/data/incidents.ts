// What went wrong at the demo organisation over six months: each scenario is a kind of incident
// that happened once or several times (`daysAgo`), with its timeline, its write-up and its
// follow-ups. Times within a day, durations and delays are drawn by the seeded dice
// (steps/incidents.ts); everything a person reads is written here.
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

export const SCENARIOS: readonly Scenario[] = [
  {
    key: "payment-timeouts",
    title: "Card payments timing out at the payment provider",
    severity: "SEV2",
    impacts: [{ service: "payments", fraction: 0.4 }, { service: "checkout", fraction: 0.3, after: 2 }],
    daysAgo: [163, 96, 12],
    hours: [11, 20],
    minutes: [22, 48],
    detect: [3, 6],
    acknowledge: [2, 5],
    responder: "tomas",
    acknowledged: "On it. Provider status page is green, but our authorisation latency p99 is at 28 s.",
    updates: [
      { at: 0.25, by: "tomas", message: "About 40 % of authorisations time out after 30 s. The provider confirms degraded service in their EU region." },
      { at: 0.5, by: "luca", message: "Checkout shows customers a retry message; orders are not lost, but many give up." },
      { at: 0.7, by: "tomas", message: "Lowered our client timeout to 8 s so failed attempts free their connections faster. Error rate falling." },
    ],
    mitigated: "Provider reports recovery; our success rate is back above 99.5 %.",
    resolved: "Authorisation latency normal for 15 minutes. Closing.",
    summary: "A degradation at our payment provider made about 40 % of card authorisations time out; checkout failed for a third of customers paying by card.",
    rootCause: "The provider's EU region degraded. Our client waited 30 s per attempt with no overall deadline, so slow attempts held every connection and healthy requests queued behind them.",
    postmortem: (f) => `## Summary

On ${f.started}, card payments started timing out at our payment provider. For ${f.lasted}, about 40 % of authorisations failed and checkout failed for roughly a third of the customers paying by card. Services hit: ${f.services}.

## Detection

The payment error-rate alert fired ${f.detectedAfter} after the first timeouts. The provider's status page stayed green throughout; our own latency graphs were the first sign.

## What went well

- The on-call engineer confirmed the provider's degradation with their support line within minutes.
- Checkout told customers to retry instead of failing silently, and no order was charged twice.

## What went wrong

- Each attempt waited 30 s with no overall deadline, so slow attempts held the connection pool and healthy payments queued behind them.
- We have a single provider: there was nowhere to send traffic.

## Root cause

The provider's EU region degraded. Our payment client's timeout was set for a provider that answers in 300 ms, not for one that hangs.

## Follow-ups

Listed below as action items: a deadline per payment. The second payment provider is the mitigation of the risk “A single payment provider”.`,
    followUps: [
      { title: "Give every payment authorisation an overall 10 s deadline", owner: "tomas", dueDays: 14 },
      { title: "Alert on provider latency p99 above 5 s, not only on errors", owner: "priya", dueDays: 21 },
    ],
    risk: "payment-provider",
  },
  {
    key: "checkout-release",
    title: "Checkout returning errors after a release",
    severity: "SEV1",
    impacts: [{ service: "checkout", fraction: 1 }],
    daysAgo: [141, 19],
    hours: [9, 16],
    minutes: [11, 19],
    detect: [1, 3],
    acknowledge: [1, 2],
    responder: "luca",
    acknowledged: "Acknowledged. Release 418 went out 4 minutes before the alert; rolling back.",
    updates: [
      { at: 0.3, by: "luca", message: "Every checkout request fails with 500: the new release reads a configuration key that was renamed." },
      { at: 0.6, by: "sofia", message: "I am incident commander. Rollback in progress; customer service has a holding message." },
    ],
    mitigated: "Rollback complete; checkouts succeeding again.",
    resolved: "Error rate at baseline for 10 minutes. Orders placed during the outage were none; no customer was charged.",
    summary: "A release read a configuration key that had been renamed; every checkout failed until it was rolled back.",
    rootCause: "The release and the configuration change were reviewed separately and deployed in the wrong order. Nothing checked that the configuration the release needs exists before it received traffic.",
    postmortem: (f) => `## Summary

On ${f.started}, a checkout release went to every server at once and failed every request: no customer could place an order for ${f.lasted}.

## Detection

The checkout availability alert fired ${f.detectedAfter} after the release finished. The release itself reported success: its health check did not touch the code path that failed.

## What went well

- The rollback took under five minutes and needed no approvals.
- Customer service had a holding message within ten minutes.

## What went wrong

- The release reached all servers at once: there was no canary to catch it on 5 % of traffic.
- The health check answers without reading the configuration, so a broken release looks healthy.

## Root cause

A configuration key was renamed in one change and read under its new name in another; the two were deployed in the wrong order.

## Follow-ups

Canary releases for checkout (already the mitigation of the risk "Releases reach every customer at once") and a readiness check that loads the configuration.`,
    followUps: [
      { title: "Release checkout to a 5 % canary first and compare error rates", owner: "luca", dueDays: 30 },
      { title: "Make checkout's readiness check load its configuration", owner: "luca", dueDays: 10 },
    ],
    risk: "big-bang-releases",
  },
  {
    key: "identity-certificate",
    title: "Sign-in failing: the token service's certificate expired",
    severity: "SEV1",
    impacts: [
      { service: "identity", fraction: 1 },
      { service: "api-gateway", fraction: 0.8, after: 1 },
      { service: "checkout", fraction: 0.6, after: 2 },
    ],
    daysAgo: [118],
    hours: [6, 8],
    minutes: [52, 75],
    detect: [8, 14],
    acknowledge: [4, 9],
    responder: "ingrid",
    acknowledged: "Looking. Sign-in returns 502; the token service logs TLS handshake failures.",
    updates: [
      { at: 0.2, by: "ingrid", message: "The token service's certificate expired at 06:00. It was renewed by hand last year and nobody had a reminder." },
      { at: 0.45, by: "priya", message: "Partner API calls fail too: the gateway validates tokens with the same service." },
      { at: 0.7, by: "ingrid", message: "New certificate issued; rolling it out to the token service pods." },
    ],
    mitigated: "New certificate live; sign-ins succeeding.",
    resolved: "Sign-in and partner API normal. Customers who were signed in kept their sessions; new sign-ins failed for the whole window.",
    summary: "The token service's TLS certificate expired; new sign-ins, the partner API and checkout for customers who were not signed in failed until it was replaced.",
    rootCause: "The certificate was issued by hand two years ago and renewed by hand once; its expiry was tracked in a calendar of someone who has since changed teams.",
    postmortem: (f) => `## Summary

On ${f.started}, the certificate of the token service expired. For ${f.lasted} nobody could sign in, partner API calls failed and checkout failed for customers who were not already signed in. Services hit: ${f.services}.

## Detection

Detected ${f.detectedAfter} after the expiry, by the sign-in error-rate alert. Early morning traffic is low, so the alert took longer than usual to cross its threshold.

## What went well

- Existing sessions kept working, so most regular customers were unaffected.

## What went wrong

- The certificate was renewed by hand and its expiry lived in one person's calendar.
- Nothing alerted before the expiry, although it was known a year in advance.

## Root cause

A manual process with a single owner, who changed teams.

## Follow-ups

Automatic renewal for every certificate we hold, and an alert 30 days before any expiry (risk "Certificates renewed by hand expire unnoticed").`,
    followUps: [
      { title: "Move the token service's certificate to automatic renewal", owner: "ingrid", dueDays: 14 },
      { title: "Alert 30 days before any certificate we serve expires", owner: "priya", dueDays: 21 },
      { title: "Inventory every certificate still renewed by hand", owner: "priya", dueDays: 30 },
    ],
    risk: "certificate-expiry",
  },
  {
    key: "search-indexer",
    title: "Search results out of date: the indexer fell behind",
    severity: "SEV3",
    impacts: [{ service: "search", fraction: 0.2 }],
    daysAgo: [170, 122, 74, 33],
    hours: [7, 12],
    minutes: [70, 170],
    detect: [15, 40],
    acknowledge: [5, 20],
    responder: "kwame",
    acknowledged: "Looking. Indexer lag is 2 h and growing; a supplier price import is running.",
    updates: [
      { at: 0.4, by: "kwame", message: "The nightly import updated 31,000 products at once; the indexer processes about 60 a second. Customers see old prices in results, product pages are right." },
      { at: 0.75, by: "kwame", message: "Scaled the indexer to 6 workers; lag shrinking." },
    ],
    resolved: "Indexer caught up; results match the catalogue again.",
    summary: "A large supplier import queued tens of thousands of changes; search showed outdated prices and stock for about a fifth of queries until the indexer caught up.",
    rootCause: "The indexer has a fixed number of workers sized for everyday changes; bulk imports arrive faster than it can apply them.",
    followUps: [{ title: "Scale the indexer on queue length, not CPU", owner: "kwame", dueDays: 30 }],
    risk: "indexer-backlog",
  },
  {
    key: "catalog-failover",
    title: "Product pages slow during a database failover",
    severity: "SEV2",
    impacts: [
      { service: "catalog", fraction: 0.5 },
      { service: "cart", fraction: 0.3 },
      { service: "search", fraction: 0.25 },
      { service: "reviews", fraction: 0.5 },
    ],
    daysAgo: [150, 61],
    hours: [13, 21],
    minutes: [8, 16],
    detect: [1, 3],
    acknowledge: [1, 4],
    responder: "kwame",
    acknowledged: "Acknowledged. The catalogue database's primary failed over to the replica.",
    updates: [{ at: 0.5, by: "kwame", message: "Writes paused during promotion; reads time out while connections are re-established. Recovering on its own." }],
    mitigated: "New primary accepting writes; latency back to normal.",
    resolved: "Stable on the new primary. The old one is being replaced.",
    summary: "The catalogue database failed over after a hardware fault; product pages, baskets and search were slow or failing for half of requests until clients reconnected.",
    rootCause: "The primary's host failed. Failover worked as designed, but clients hold connections for 5 minutes and kept retrying the old primary.",
    postmortem: (f) => `## Summary

On ${f.started}, the catalogue database failed over after its primary's host failed. For ${f.lasted} about half of the product-page requests were slow or failed. Services hit: ${f.services}.

## Detection

Alerted ${f.detectedAfter} after the fault by the catalogue latency alert.

## What went well

- The replica was promoted automatically in under a minute.

## What went wrong

- Clients kept connections to the old primary for up to 5 minutes before reconnecting.

## Root cause

A host failure. The cost of a failover is the reconnection time, which our connection settings made long. We accept this risk for now (see the register); shorter connection lifetimes are planned.`,
    followUps: [{ title: "Cap catalogue database connections at 60 s and reconnect on failover", owner: "kwame", dueDays: 45 }],
    risk: "catalog-failover",
  },
  {
    key: "inventory-upgrade",
    title: "Planned: inventory database upgrade",
    severity: "SEV5",
    kind: "maintenance",
    impacts: [{ service: "inventory", fraction: 1 }, { service: "cart", fraction: 0.2 }],
    daysAgo: [175, 115, 55],
    hours: [2, 2],
    minutes: [60, 90],
    detect: [0, 0],
    acknowledge: [0, 0],
    responder: "mei",
    acknowledged: "Window started; stock reads served from the cache, reservations paused.",
    updates: [{ at: 0.5, by: "mei", message: "Upgrade applied; checking replication before opening writes." }],
    resolved: "Window closed; reservations open again.",
    summary: "Planned upgrade of the inventory database, announced a week ahead. Baskets could not reserve delivery slots during the window.",
    rootCause: "Planned work.",
  },
  {
    key: "reports-reload",
    title: "Planned: merchant reporting warehouse reload",
    severity: "SEV5",
    kind: "maintenance",
    impacts: [{ service: "merchant-reports", fraction: 1 }],
    daysAgo: [178, 148, 117, 87, 57, 26],
    hours: [1, 1],
    minutes: [120, 180],
    detect: [0, 0],
    acknowledge: [0, 0],
    responder: "aisha",
    acknowledged: "Monthly reload started.",
    updates: [],
    resolved: "Reload finished; reports show the new month.",
    summary: "The monthly reload of the reporting warehouse. Merchant reports are unavailable while it runs; their SLO leaves this window out.",
    rootCause: "Planned work.",
  },
  {
    key: "mail-throttling",
    title: "Order confirmation e-mails delayed",
    severity: "SEV3",
    impacts: [{ service: "notifications", fraction: 0.6 }],
    daysAgo: [133, 47, 5],
    hours: [15, 21],
    minutes: [45, 110],
    detect: [10, 25],
    acknowledge: [5, 15],
    responder: "jonas",
    acknowledged: "Looking. Mail queue at 18,000 and growing; the provider answers 421 to most sends.",
    updates: [
      { at: 0.35, by: "jonas", message: "The provider throttles us after a bounce spike from an old marketing list. Confirmations are queued, not lost." },
      { at: 0.7, by: "jonas", message: "Provider raised our limit again; queue draining." },
    ],
    resolved: "Queue empty; confirmations arrive within a minute again.",
    summary: "Our mail provider throttled sending after a spike of bounces; order confirmations and password resets arrived up to two hours late.",
    rootCause: "Marketing and transactional mail share one sending account, so bounces from a stale marketing list throttled order confirmations too.",
    followUps: [{ title: "Send transactional mail from its own account at the provider", owner: "jonas", dueDays: 30 }],
    risk: "mail-throttling",
  },
  {
    key: "gateway-rate-limit",
    title: "Partner API rejecting a delivery partner's traffic",
    severity: "SEV2",
    impacts: [{ service: "api-gateway", fraction: 0.25 }],
    daysAgo: [88],
    hours: [8, 11],
    minutes: [25, 40],
    detect: [6, 12],
    acknowledge: [2, 6],
    responder: "priya",
    acknowledged: "Looking. One partner gets 429 on most calls since the rate-limit change this morning.",
    updates: [{ at: 0.5, by: "priya", message: "The new rule limits per address; this partner sends everything from one address behind their gateway." }],
    mitigated: "Rule changed to limit per API key.",
    resolved: "The partner confirms deliveries are updating again.",
    summary: "A new rate limit counted requests per client address; our largest delivery partner sends from a single address, so most of its calls were refused.",
    rootCause: "The rule was tested against our own traffic only; partners' traffic patterns were not part of the test.",
    postmortem: (f) => `## Summary

On ${f.started}, a new rate-limit rule refused most calls from our largest delivery partner for ${f.lasted}. Deliveries were completed, but their status did not reach customers.

## Detection

The partner called us ${f.detectedAfter} after the change; our own alert on 429 answers fired a few minutes later.

## What went well

- The rule could be changed without a release.

## What went wrong

- The rule was tried only against our own traffic.
- 429 answers to partners were not alerted on per partner.

## Root cause

Rate limits keyed on the client address instead of the API key.`,
    followUps: [{ title: "Replay a day of partner traffic against every new gateway rule", owner: "priya", dueDays: 30 }],
  },
  {
    key: "recommendations-model",
    title: "Recommendations missing on product pages",
    severity: "SEV4",
    impacts: [{ service: "recommendations", fraction: 1 }],
    daysAgo: [102, 40],
    hours: [5, 9],
    minutes: [90, 230],
    detect: [30, 90],
    acknowledge: [10, 30],
    responder: "aisha",
    acknowledged: "Looking. The recommendation service starts but serves empty lists.",
    updates: [{ at: 0.5, by: "aisha", message: "Yesterday's model file was deleted by the storage clean-up before the service loaded it." }],
    resolved: "Model rebuilt and loaded; recommendations back.",
    summary: "The recommendation model file was removed by an automatic clean-up; product pages and baskets showed no recommendations.",
    rootCause: "The storage clean-up deletes files older than a day, and the model is rebuilt daily: a late build left no model at all.",
    followUps: [{ title: "Keep the last three models and load the newest that exists", owner: "aisha", dueDays: 21 }],
  },
  {
    key: "reviews-spam",
    title: "Product reviews slow under a wave of spam",
    severity: "SEV3",
    impacts: [{ service: "reviews", fraction: 0.3 }],
    daysAgo: [66, 8],
    hours: [18, 23],
    minutes: [30, 60],
    detect: [5, 15],
    acknowledge: [5, 10],
    responder: "kwame",
    acknowledged: "Looking. Review submissions up 40 times; moderation queue saturated.",
    updates: [{ at: 0.5, by: "kwame", message: "Blocked the sending addresses at the edge; moderation catching up." }],
    resolved: "Submission rate normal; queue empty.",
    summary: "An automated spam wave flooded review submissions; moderation fell behind and review pages were slow.",
    rootCause: "Review submission had no rate limit per account.",
    followUps: [{ title: "Limit review submissions per account and per address", owner: "kwame", dueDays: 14 }],
  },
  {
    key: "basket-cache",
    title: "Baskets emptied for some customers",
    severity: "SEV2",
    impacts: [{ service: "cart", fraction: 0.12 }, { service: "checkout", fraction: 0.05 }],
    daysAgo: [109, 24],
    hours: [10, 19],
    minutes: [55, 95],
    detect: [12, 30],
    acknowledge: [3, 8],
    responder: "luca",
    acknowledged: "Looking. Customer service reports customers whose baskets are empty.",
    updates: [
      { at: 0.3, by: "luca", message: "One cache node was replaced in routine maintenance; the baskets it held were not written anywhere else." },
      { at: 0.6, by: "mei", message: "Rebuilding baskets from the last reservations where we can; about 12 % of active baskets affected." },
    ],
    mitigated: "Affected customers see their last saved basket; new baskets are safe.",
    resolved: "No further reports for 30 minutes.",
    summary: "Replacing one basket cache node lost the baskets it held: about 12 % of active customers found their basket empty.",
    rootCause: "Baskets live only in the cache, which is treated as disposable by the node replacement procedure.",
    postmortem: (f) => `## Summary

On ${f.started}, a routine replacement of one basket cache node emptied the baskets it held. For ${f.lasted} about 12 % of active customers found an empty basket. Services hit: ${f.services}.

## Detection

Customer service reported it ${f.detectedAfter} after the replacement; no alert fired, since every request succeeded.

## What went wrong

- A basket is stored in the cache only.
- Our availability alerts look at errors; an empty answer is not an error.

## Root cause

The node replacement procedure assumes the cache can be rebuilt, which is true for every cache but this one.`,
    followUps: [
      { title: "Write baskets through to the database", owner: "luca", dueDays: 45 },
      { title: "Alert when the share of empty baskets at checkout doubles", owner: "priya", dueDays: 21 },
    ],
    risk: "basket-cache",
  },
  {
    key: "dns-resolvers",
    title: "Errors across services: DNS resolvers overloaded",
    severity: "SEV2",
    impacts: [
      { service: "api-gateway", fraction: 0.3 },
      { service: "checkout", fraction: 0.2 },
      { service: "catalog", fraction: 0.2 },
      { service: "search", fraction: 0.2 },
      { service: "identity", fraction: 0.15 },
    ],
    daysAgo: [80],
    hours: [12, 17],
    minutes: [14, 28],
    detect: [2, 4],
    acknowledge: [1, 3],
    responder: "priya",
    acknowledged: "Several alerts at once; looking for a common cause.",
    updates: [
      { at: 0.3, by: "priya", message: "Lookups time out on both internal resolvers: a batch job started resolving a name per row." },
      { at: 0.6, by: "aisha", message: "Batch job stopped." },
    ],
    mitigated: "Resolvers answering normally.",
    resolved: "All services back to baseline.",
    summary: "A batch job overloaded the two internal DNS resolvers; every service saw intermittent errors.",
    rootCause: "One resolver pair serves everything, with no per-client limit and no caching in the services.",
    postmortem: (f) => `## Summary

On ${f.started}, a reporting batch job made millions of DNS lookups and overloaded both internal resolvers. For ${f.lasted} every service saw intermittent errors. Services hit: ${f.services}.

## Detection

${f.detectedAfter} after the job started, five alerts fired within a minute of each other.

## Root cause

A shared dependency with no protection against a single heavy client.`,
    followUps: [{ title: "Run a caching resolver on every host", owner: "priya", dueDays: 60 }],
    risk: "shared-dns",
  },
];

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
