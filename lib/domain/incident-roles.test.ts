import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escalatedSeverity, roleEntries, severityDirection } from "./incident-history";
import { roleChangeIssues, roleLabel, rolesToShow, sameHolder, type HeldRole } from "./incident-roles";

const NOW = "2026-11-30T11:00:00.000Z";
const ada: HeldRole = { role: "commander", user: "u1", name: "Ada" };

describe("incident roles", () => {
  it("labels a role key for people", () => {
    expect(roleLabel("commander")).toBe("Commander");
    expect(roleLabel("tech_lead")).toBe("Tech lead");
  });

  it("a user is the same holder whatever their name became; a typed name is the same by name", () => {
    expect(sameHolder({ user: "u1", name: "Ada" }, { user: "u1", name: "Ada L." })).toBe(true);
    expect(sameHolder({ user: null, name: "Ada" }, { user: "u1", name: "Ada" })).toBe(false);
    expect(sameHolder({ user: null, name: "Ada" }, { user: null, name: "Ada" })).toBe(true);
    expect(sameHolder(null, null)).toBe(true);
    expect(sameHolder(null, { user: null, name: "Ada" })).toBe(false);
  });

  it("one entry per role assigned, handed over or cleared", () => {
    const before: HeldRole[] = [ada, { role: "scribe", user: null, name: "Grace" }];
    const after: HeldRole[] = [{ role: "commander", user: null, name: "Linus" }, { role: "communications", user: "u2", name: "Pat" }];
    expect(roleEntries(before, after, NOW)).toEqual([
      { type: "role_change", at: NOW, data: { kind: "role", role: "commander", from: { user: "u1", name: "Ada" }, to: { user: null, name: "Linus" } } },
      { type: "role_change", at: NOW, data: { kind: "role", role: "communications", from: null, to: { user: "u2", name: "Pat" } } },
      { type: "role_change", at: NOW, data: { kind: "role", role: "scribe", from: { user: null, name: "Grace" }, to: null } },
    ]);
  });

  it("writes an entry exactly for each role whose holder differs (property)", () => {
    const holder = fc.option(fc.record({ user: fc.option(fc.constantFrom("u1", "u2"), { nil: null }), name: fc.constantFrom("Ada", "Grace") }), { nil: null });
    const roles = fc.dictionary(fc.constantFrom("commander", "scribe", "communications"), holder);
    const held = (d: Record<string, { user: string | null; name: string } | null>): HeldRole[] => Object.entries(d).flatMap(([role, h]) => (h ? [{ role, ...h }] : []));
    fc.assert(
      fc.property(roles, roles, (a, b) => {
        const entries = roleEntries(held(a), held(b), NOW);
        const differing = ["commander", "communications", "scribe"].filter((r) => !sameHolder(a[r] ?? null, b[r] ?? null));
        expect(entries.map((e) => (e.data.kind === "role" ? e.data.role : ""))).toEqual(differing);
        expect(roleEntries(held(a), held(a), NOW)).toEqual([]);
      }),
    );
  });

  it("lists the settings' roles in their order, then roles still held that are no longer listed", () => {
    expect(rolesToShow(["commander", "scribe"], [{ role: "scribe", user: null, name: "Grace" }, { role: "pilot", user: null, name: "Amelia" }])).toEqual([
      { role: "commander", holder: null, listed: true },
      { role: "scribe", holder: { user: null, name: "Grace" }, listed: true },
      { role: "pilot", holder: { user: null, name: "Amelia" }, listed: false },
    ]);
  });

  it("refuses a role the settings do not list, except clearing one still held", () => {
    const listed = ["commander", "scribe"];
    expect(roleChangeIssues(listed, [], { commander: null, scribe: { name: "x" } })).toEqual([]);
    expect(roleChangeIssues(listed, [], { pilot: { name: "x" } })).toEqual([{ path: "roles.pilot", message: "Not an incident role: the roles are commander, scribe" }]);
    expect(roleChangeIssues(listed, [{ role: "pilot", user: null, name: "x" }], { pilot: null })).toEqual([]);
    expect(roleChangeIssues([], [], { pilot: { name: "x" } })[0]?.message).toBe("Not an incident role: the roles are none (an admin lists them in Settings)");
  });
});

describe("severity changes", () => {
  it("raising moves toward SEV1, lowering away from it", () => {
    expect(severityDirection("SEV3", "SEV1")).toBe("raised");
    expect(severityDirection("SEV1", "SEV3")).toBe("lowered");
    expect(severityDirection("SEV2", "SEV2")).toBe("unchanged");
  });

  it("escalating is one step more severe, and nothing past SEV1", () => {
    expect(escalatedSeverity("SEV3")).toBe("SEV2");
    expect(escalatedSeverity("SEV1")).toBeNull();
  });
});
