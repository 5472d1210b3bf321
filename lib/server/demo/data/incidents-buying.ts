// The demo's major incidents on the way to an order: sign-in, basket, checkout, payment, each with its write-up (data/incidents.ts assembles them).
import type { Scenario } from "./incident-types";

export const BUYING: readonly Scenario[] = [
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
    acknowledged: "Release 418 went out 4 minutes before the alert; rolling back.",
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
];
