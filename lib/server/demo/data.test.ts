import { describe, expect, it } from "vitest";
import { riskIssues } from "@/lib/domain/risk-rules";
import { ServiceInput } from "@/lib/schemas/service";
import { SCENARIOS, ONGOING } from "./data/incidents";
import { PEOPLE, SERVICES } from "./data/organisation";
import { REVIEWS } from "./data/reviews";
import { RISKS } from "./data/risks";
import { demoPlan } from "./plan";

const slugs = SERVICES.map((s) => s.slug);
const assessment = (cell: string) => ({ likelihood: cell[0] as "A", consequence: Number(cell[1]) as 1 });

describe("the demo organisation's data", () => {
  it("is a dozen valid services on three tiers, each listed after the services it depends on", () => {
    expect(SERVICES).toHaveLength(12);
    expect(new Set(SERVICES.map((s) => s.tier))).toEqual(new Set([1, 2, 3]));
    expect(new Set(slugs).size).toBe(slugs.length);
    SERVICES.forEach((s, i) => {
      expect(ServiceInput.safeParse({ ...s, dependsOn: s.dependsOn ?? [] }).success, s.slug).toBe(true);
      for (const dep of s.dependsOn ?? []) expect(slugs.slice(0, i), `${s.slug} → ${dep}`).toContain(dep);
    });
  });

  it("hits only its own services, names only its own people and risks, and writes up every SEV1 and SEV2", () => {
    const riskKeys = new Set(RISKS.map((r) => r.key));
    for (const s of [...SCENARIOS, ONGOING]) {
      for (const impact of s.impacts) expect(slugs, s.key).toContain(impact.service);
      for (const person of [s.responder, ...s.updates.map((u) => u.by), ...(s.followUps ?? []).map((f) => f.owner)]) expect(Object.keys(PEOPLE)).toContain(person);
      if (s.risk) expect(riskKeys.has(s.risk), s.key).toBe(true);
      expect(s.minutes[0]).toBeLessThanOrEqual(s.minutes[1]);
      if (s !== ONGOING && (s.severity === "SEV1" || s.severity === "SEV2")) expect(s.postmortem, s.key).toBeDefined();
    }
  });

  it("has risks that the app's own rules accept, on its own services, and at least one of each treatment", () => {
    expect(new Set(RISKS.map((r) => r.treatment))).toEqual(new Set(["mitigate", "accept", "avoid", "transfer"]));
    for (const r of RISKS) {
      if (r.service !== null) expect(slugs).toContain(r.service);
      const issues = riskIssues({
        treatment: r.treatment,
        acceptedBy: r.accepted ? PEOPLE[r.accepted.by] : null,
        acceptedUntil: r.accepted ? new Date() : null,
        inherent: assessment(r.inherent),
        current: assessment(r.current),
        target: assessment(r.target),
      } as Parameters<typeof riskIssues>[0]);
      expect(issues, r.key).toEqual([]);
      expect(r.reviews.map((v) => v.daysAgo)).toEqual([...r.reviews.map((v) => v.daysAgo)].sort((a, b) => b - a));
    }
  });

  it("closes the last weeks' reviews and leaves this week's open", () => {
    expect(REVIEWS.filter((r) => r.closed).map((r) => r.weeksAgo).sort()).toEqual([1, 2, 3]);
    expect(REVIEWS.find((r) => r.weeksAgo === 0)?.closed).toBe(false);
  });

  it("says what it would write", () => {
    expect(demoPlan()).toBe("12 services on 3 tiers, 33 incidents over six months (one still going on), up to 19 action items, 10 risks with 13 reviews, 4 weekly reviews (3 closed)");
  });
});
