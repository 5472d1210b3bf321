import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailContent, notificationMessage, publicIncidentTitle, slackBody, webhookBody, type IncidentFacts, type NotificationEvent } from "./notification-message";
import { NOTIFICATION_EVENT_GROUPS, NOTIFICATION_EVENTS, nextAttemptAt, reportScopesOf, RETRY_FOR_MS, subscriptionMatches, type SubscriptionRule } from "./notifications";
import { incidentEditEvents } from "./incident-notifications";

const svc = (id: string, tierId: string | null = "t1") => ({ id, name: `Service ${id}`, tierId });
const rule = (over: Partial<SubscriptionRule>): SubscriptionRule => ({ events: ["incident.declared", "incident.updated"], serviceIds: [], tierIds: [], severities: [], publicOnly: false, ...over });

describe("subscriptionMatches", () => {
  const scope = { services: [svc("a", "t1"), svc("b", "t2")], severity: "SEV2" as const, public: false };
  it.each<[string, Partial<SubscriptionRule>, boolean]>([
    ["no filter", {}, true],
    ["another event only", { events: ["incident.resolved"] }, false],
    ["one of its services", { serviceIds: ["b", "z"] }, true],
    ["none of its services", { serviceIds: ["z"] }, false],
    ["the tier of one of its services", { tierIds: ["t2"] }, true],
    ["another tier", { tierIds: ["t9"] }, false],
    ["its severity", { severities: ["SEV1", "SEV2"] }, true],
    ["other severities", { severities: ["SEV1"] }, false],
    ["public updates only, and this one is internal", { publicOnly: true }, false],
  ])("%s → %s", (_, over, expected) => expect(subscriptionMatches(rule(over), "incident.updated", scope)).toBe(expected));

  it("an event about no service (a review) matches only subscriptions without a service, tier or severity filter", () => {
    const none = { services: [], severity: null, public: false };
    expect(subscriptionMatches(rule({ events: ["review.closed"] }), "review.closed", none)).toBe(true);
    expect(subscriptionMatches(rule({ events: ["review.closed"], serviceIds: ["a"] }), "review.closed", none)).toBe(false);
    expect(subscriptionMatches(rule({ events: ["review.closed"], severities: ["SEV1"] }), "review.closed", none)).toBe(false);
  });

  it("a freeze matches on its service and the service's tier, as other events about a service do", () => {
    const frozen = { services: [svc("a", "t1")], severity: null, public: false };
    expect(subscriptionMatches(rule({ events: ["policy.frozen"], serviceIds: ["a"] }), "policy.frozen", frozen)).toBe(true);
    expect(subscriptionMatches(rule({ events: ["policy.frozen"], tierIds: ["t2"] }), "policy.frozen", frozen)).toBe(false);
    expect(subscriptionMatches(rule({ events: ["policy.frozen"] }), "policy.thawed", frozen)).toBe(false);
  });
});

it("Settings offers every event once, in its groups", () => {
  expect(NOTIFICATION_EVENT_GROUPS.flatMap((g) => g.events).sort()).toEqual([...NOTIFICATION_EVENTS].sort());
});

describe("reports and the subscriptions that ask for them", () => {
  it("no service or tier filter asks for the organisation's; each tier and service named for its own", () => {
    expect(reportScopesOf(rule({}))).toEqual(["org"]);
    expect(reportScopesOf(rule({ tierIds: ["t1"], serviceIds: ["a", "b"] }))).toEqual(["tier:t1", "service:a", "service:b"]);
    // A severity filter or public updates only: no report (a report is about no one incident, and the team's).
    expect(reportScopesOf(rule({ severities: ["SEV1"] }))).toEqual([]);
    expect(reportScopesOf(rule({ publicOnly: true }))).toEqual([]);
  });

  it("a report matches the subscriptions to its kind whose filter names its scope", () => {
    const report = (key: string) => ({ services: [], severity: null, public: false, report: key });
    const tierOne = rule({ events: ["report.month"], tierIds: ["t1"] });
    expect(subscriptionMatches(tierOne, "report.month", report("tier:t1"))).toBe(true);
    expect(subscriptionMatches(tierOne, "report.month", report("org"))).toBe(false);
    expect(subscriptionMatches(tierOne, "report.quarter", report("tier:t1"))).toBe(false);
    expect(subscriptionMatches(rule({ events: ["report.year"] }), "report.year", report("org"))).toBe(true);
    expect(subscriptionMatches(rule({ events: ["report.year"] }), "report.year", report("service:a"))).toBe(false);
    expect(subscriptionMatches(rule({ events: ["report.year"] }), "report.year", { services: [], severity: null, public: false })).toBe(false);
  });
});

describe("nextAttemptAt", () => {
  it("waits 5 s, then twice as long each time, at most 30 minutes", () => {
    const t0 = 1_000_000;
    expect([1, 2, 3, 4, 10, 30].map((n) => (nextAttemptAt(t0, t0, n) as number) - t0)).toEqual([5_000, 10_000, 20_000, 40_000, 1_800_000, 1_800_000]);
  });

  it("never schedules past 24 h after the message was written, and gives up once they have passed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * RETRY_FOR_MS }), fc.integer({ min: 1, max: 200 }), (elapsed, attempts) => {
        const next = nextAttemptAt(0, elapsed, attempts);
        if (elapsed >= RETRY_FOR_MS) return next === null;
        return next !== null && next > elapsed && next <= RETRY_FOR_MS;
      }),
    );
  });
});

const incident: IncidentFacts = {
  reference: "INC-7",
  title: "Primary DB in rack 4 lost quorum",
  publicTitle: null,
  severity: "SEV1",
  kind: "unplanned",
  status: "investigating",
  services: [svc("a"), svc("b")],
  startedAt: "2026-11-30T10:00:00.000Z",
  resolvedAt: null,
  source: null,
};

describe("messages by audience", () => {
  it("the public reads a public title: its own, or which services, never the internal one", () => {
    expect(publicIncidentTitle(incident)).toBe("Investigating an issue with Service a, Service b");
    expect(publicIncidentTitle({ ...incident, kind: "maintenance" })).toBe("Maintenance on Service a, Service b");
    expect(publicIncidentTitle({ ...incident, publicTitle: "Slow logins" })).toBe("Slow logins");
  });

  it("nothing internal reaches a public message, whatever the incident and the update say", () => {
    const secret = "SECRET-TEXT";
    const arbitraryEvent = fc.oneof(
      fc.record({ type: fc.constant("incident.declared" as const), summary: fc.constant(secret) }),
      fc.record({ type: fc.constant("incident.updated" as const), update: fc.record({ message: fc.constant(secret), public: fc.constant(false), author: fc.constant(secret) }) }),
      fc.record({ type: fc.constant("incident.milestone" as const), milestone: fc.constantFrom("detected" as const, "acknowledged" as const, "mitigated" as const) }),
      fc.record({ type: fc.constant("incident.resolved" as const) }),
      fc.record({ type: fc.constant("probe.incident" as const), opened: fc.boolean() }),
      fc.record({ type: fc.constant("review.closed" as const), week: fc.constant("2026-W48"), summary: fc.constant(secret) }),
    );
    fc.assert(
      fc.property(arbitraryEvent, fc.constantFrom("SEV1", "SEV2", "SEV3") as fc.Arbitrary<"SEV1">, (partial, severity) => {
        const event = { at: "2026-11-30T10:05:00.000Z", incident: { ...incident, title: secret, reference: "INC-SECRET", severity }, ...partial } as NotificationEvent;
        const message = notificationMessage(event, "public", "https://nines.example");
        if (message === null) return true;
        const everything = [webhookBody(message, "k"), slackBody(message, "k"), emailContent(message, "k").text, emailContent(message, "k").subject].join("\n");
        return !everything.includes("SECRET") && !everything.includes(severity) && !everything.includes("nines.example");
      }),
    );
  });

  it("a public update reaches the public with its text; the team reads who wrote it and that it is public", () => {
    const event: NotificationEvent = { type: "incident.updated", at: "2026-11-30T10:05:00.000Z", incident, update: { message: "Restoring service", public: true, author: "Ada" } };
    expect(notificationMessage(event, "public", "https://n.example")).toMatchObject({ title: "Update: Investigating an issue with Service a, Service b", text: "Restoring service", link: null, reference: null });
    const team = notificationMessage(event, "internal", "https://n.example");
    expect(team).toMatchObject({ title: "Update: INC-7 Primary DB in rack 4 lost quorum", link: "https://n.example/incidents/INC-7" });
    expect(team?.facts).toContainEqual({ label: "Visibility", value: "public" });
    expect(team?.facts).toContainEqual({ label: "By", value: "Ada" });
  });

  it("Slack's three markup characters are escaped; the rest is text", () => {
    const event: NotificationEvent = { type: "incident.declared", at: "2026-11-30T10:05:00.000Z", incident: { ...incident, title: "<!channel> a & b > c" }, summary: "" };
    const body = JSON.parse(slackBody(notificationMessage(event, "internal", "https://n.example") as never, "key-1")) as { blocks: { text?: { text: string } }[] };
    expect(body.blocks[0]?.text?.text).toContain("&lt;!channel&gt; a &amp; b &gt; c");
  });
});

describe("incidentEditEvents", () => {
  const before = { title: "t", severity: "SEV3" as const, kind: "unplanned" as const, status: "investigating" as const, detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };
  it("a milestone reached is its own event, resolving too; the status they move is not told twice", () => {
    const after = { ...before, status: "resolved" as const, mitigatedAt: "2026-11-30T10:00:00.000Z", resolvedAt: "2026-11-30T10:10:00.000Z" };
    expect(incidentEditEvents(before, after, incident, "2026-11-30T10:11:00.000Z", "Ada").map((e) => e.type)).toEqual(["incident.milestone", "incident.resolved"]);
  });

  it("a scheduled maintenance's planned end resolves nothing until the clock reaches it; finishing it early does", () => {
    const planned = { ...before, kind: "maintenance" as const, status: "scheduled" as const, resolvedAt: "2026-12-05T04:00:00.000Z" };
    expect(incidentEditEvents(planned, { ...planned, resolvedAt: "2026-12-05T05:00:00.000Z" }, incident, "2026-12-01T00:00:00.000Z", "Ada")).toEqual([]);
    const finished = { ...planned, status: "resolved" as const, resolvedAt: "2026-12-05T03:00:00.000Z" };
    expect(incidentEditEvents(planned, finished, incident, "2026-12-05T03:00:00.000Z", "Ada").map((e) => e.type)).toEqual(["incident.resolved"]);
  });

  it("any other incident is resolved when its resolvedAt is set, even a little ahead of our clock (an integration's clock)", () => {
    const after = { ...before, status: "resolved" as const, resolvedAt: "2026-11-30T10:12:00.000Z" };
    expect(incidentEditEvents(before, after, incident, "2026-11-30T10:11:00.000Z", "Ada").map((e) => e.type)).toEqual(["incident.resolved"]);
  });

  it("a scheduled maintenance is announced with its planned window, in UTC, to the team and the public", () => {
    const event: NotificationEvent = { type: "incident.declared", at: "2026-12-01T00:00:00.000Z", incident: { ...incident, kind: "maintenance", status: "scheduled", startedAt: "2026-12-05T02:00:00.000Z", resolvedAt: "2026-12-05T04:00:00.000Z" }, summary: "Database upgrade" };
    const team = notificationMessage(event, "internal", "https://n.example");
    const outside = notificationMessage(event, "public", "https://n.example");
    expect(team?.title).toMatch(/^Scheduled: /);
    expect(team?.text).toContain("from 2026-12-05 02:00 to 04:00 UTC");
    expect(team?.text).toContain("Database upgrade");
    expect(outside?.text).toContain("from 2026-12-05 02:00 to 04:00 UTC");
    expect(outside?.text).not.toContain("Database upgrade");
  });

  it("a correction of severity or title is one internal update saying what changed", () => {
    const events = incidentEditEvents(before, { ...before, severity: "SEV1", title: "u" }, incident, "x", "Ada");
    expect(events).toEqual([{ type: "incident.updated", at: "x", incident, update: { message: "Severity changed from SEV3 to SEV1. Title changed from “t” to “u”.", public: false, author: "Ada" } }]);
    expect(incidentEditEvents(before, before, incident, "x", "Ada")).toEqual([]);
  });
});
