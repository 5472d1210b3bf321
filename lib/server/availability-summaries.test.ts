import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServiceSlo } from "./availability-data";
import { seriesOf, summarize } from "./availability-summaries";
import { collectImpacts, type ImpactRow } from "./impact-rows";

const tier = { rank: 1, name: "Critical" };
const good: ServiceSlo = { id: "s1", slug: "good", name: "Good", tier, target: 0.999, sloWindow: "month", maintenance: "count", measuredSince: Date.UTC(2026, 0, 1) };
// A target outside [0, 1) makes the engine throw: nothing the API accepts does, a row written by
// hand (or a bug still to come) may.
const broken: ServiceSlo = { ...good, id: "s2", slug: "broken", name: "Broken", target: 1.5 };
const window = { label: "month:2026-04", from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 4, 1) };
const asOf = Date.UTC(2026, 4, 10);
const rows: ImpactRow[] = ["s1", "s2"].map((s) => [s, "i1", 1, "unplanned", Date.UTC(2026, 3, 7, 8), Date.UTC(2026, 3, 7, 8, 37), Date.UTC(2026, 3, 7, 8), null, null, Date.UTC(2026, 3, 7, 8, 37), 1, "Outage"]);

afterEach(() => vi.restoreAllMocks());

describe("one service's failure never blanks the others", () => {
  it("the summaries carry the failing service as an error entry, logged under the same reference", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const out = summarize([good, broken, good], [window, window, window], collectImpacts(rows), { asOf, timeZone: "UTC", incidentLimit: 3 });
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ service: { slug: "good" }, downtimeSeconds: 2220 });
    expect(out[2]).toEqual(out[0]);
    const failure = out[1] as { service: { slug: string }; error: { code: string; reference: string; message: string } };
    expect(failure.service.slug).toBe("broken");
    expect(failure.error.code).toBe("computation_failed");
    expect(failure.error.message).toContain(failure.error.reference);
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toContain(failure.error.reference);
    expect(String(log.mock.calls[0]?.[0])).toContain("'broken'");
  });

  it("so do the series", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const out = seriesOf([broken, good], [window], collectImpacts(rows), { asOf, bucket: "month", timeZone: "UTC" });
    expect(out[0]).toMatchObject({ service: { slug: "broken" }, error: { code: "computation_failed" } });
    expect(out[1]).toMatchObject({ service: { slug: "good" }, entries: [{ label: "month:2026-04", downtimeSeconds: 2220 }] });
  });
});
