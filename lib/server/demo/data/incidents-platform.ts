// The demo's major incidents in shared parts: the catalogue database, the partner gateway, DNS, each with its write-up (data/incidents.ts assembles them).
import type { Scenario } from "./incident-types";

export const PLATFORM: readonly Scenario[] = [
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
    acknowledged: "The catalogue database's primary failed over to the replica.",
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
