import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectImpacts, packImpactRows, unpackImpacts, type ImpactRow } from "./impact-rows";

const instant = fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 });
const nullable = fc.option(instant, { nil: null });
const kind = fc.constantFrom("unplanned" as const, "maintenance" as const);
// Any text PostgreSQL can hold (no NUL), the empty title included.
const title = fc.string({ unit: "grapheme", maxLength: 12 }).filter((t) => !t.includes("\u0000"));
const incident = fc.record({ kind, start: instant, detected: nullable, acknowledged: nullable, resolved: nullable, number: fc.integer({ min: 1, max: 2 ** 31 - 1 }), title });

/** Rows as the read returns them: unordered, several per service, incidents shared across services. */
const rows = fc
  .tuple(fc.array(incident, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 6 }))
  .chain(([incidents, services]) =>
    fc.record({
      services: fc.constant(Array.from({ length: services }, (_, i) => `svc-${i}`)),
      rows: fc.array(
        fc.record({ s: fc.nat(services - 1), i: fc.nat(incidents.length - 1), fraction: fc.double({ min: 0.001, max: 1, noNaN: true }), start: instant, end: nullable }).map(
          ({ s, i, fraction, start, end }): ImpactRow => {
            const x = incidents[i] as (typeof incidents)[number];
            return [`svc-${s}`, `inc-${i}`, fraction, x.kind, start, end, x.start, x.detected, x.acknowledged, x.resolved, x.number, x.title];
          },
        ),
        { maxLength: 20 },
      ),
    }),
  );

describe("packImpactRows / unpackImpacts", () => {
  it("give a worker the same impacts, milestones and labels as collectImpacts gives this thread", () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 63 }), fc.boolean(), ({ services, rows: full }, mask, withIncident) => {
        // Rows with the incident's copies (summaries) or without (series).
        const rows = withIncident ? full : full.map((r) => r.slice(0, 7) as ImpactRow);
        // Some of the services, in any order.
        const some = services.filter((_, i) => (mask >> i) & 1).reverse();
        const packed = structuredClone(packImpactRows(rows, some));
        expect(unpackImpacts(some, packed)).toEqual(collectImpacts(rows, new Set(some)));
      }),
    );
  });
});

describe("collectImpacts", () => {
  const row = (service: string, incident: string, start: number): ImpactRow => [service, incident, 0.5, "unplanned", start, null, 0, 1, 2, null, 7, "Title"];

  it("keeps each service's impacts in the order read, and only the services asked for", () => {
    const got = collectImpacts([row("a", "x", 10), row("b", "y", 20), row("a", "y", 30)], new Set(["a"]));
    expect([...got.byService.keys()]).toEqual(["a"]);
    expect(got.byService.get("a")?.impacts.map((i) => i.start)).toEqual([10, 30]);
    expect(got.labels.get("y")).toEqual({ number: 7, title: "Title" });
    expect(got.incidents.get("x")).toEqual({ incidentId: "x", kind: "unplanned", startedAt: 0, detectedAt: 1, acknowledgedAt: 2, resolvedAt: null });
  });

  it("reads no incidents from rows without the incident's copies (the series read)", () => {
    const short = row("a", "x", 10).slice(0, 7) as ImpactRow;
    const got = collectImpacts([short]);
    expect(got.byService.get("a")?.impacts).toHaveLength(1);
    expect(got.incidents.size).toBe(0);
  });
});
