import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as metrics from "@/app/metrics/route";
import { currentFleetSummary } from "@/lib/server/availability-fleet";
import { prisma } from "@/lib/server/db";
import { cachedFigures } from "@/lib/server/figure-cache";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

// The shared figures (lib/server/figure-cache.ts): served while no write changed a figure and for
// a few seconds at most, computed once however many ask at the same time.

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
afterEach(() => {
  delete process.env.NINES_FIGURE_CACHE_SECONDS;
});

const summaryOf = async (slug: string) => (await currentFleetSummary()).fleet.services.find((s) => s.service.slug === slug);

describe("the figure cache", () => {
  it("serves the same figures until a write changes one, then the new ones at once", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const first = await currentFleetSummary();
    const second = await currentFleetSummary();
    expect(second.cached).toBe(true);
    expect(second.fleet).toEqual(first.fleet);
    expect(second.computedAt).toBe(first.computedAt);
    // Bookkeeping that changes no figure keeps it.
    await prisma.slo.updateMany({ where: { service: { slug } }, data: { nextIngestAt: new Date() } });
    expect((await currentFleetSummary()).cached).toBe(true);
    // An incident on the service: the next read computes again and counts it.
    // One clock reading for both ends: two readings a millisecond apart made it 1,800.001 s.
    const now = Date.now();
    expect((await logIncident(tokens.editor, { startedAt: new Date(now - 3_600_000).toISOString(), resolvedAt: new Date(now - 1_800_000).toISOString(), impacts: [{ service: slug }] })).status).toBe(201);
    const after = await currentFleetSummary();
    expect(after.cached).toBe(false);
    expect((await summaryOf(slug)) as { downtimeSeconds: number }).toMatchObject({ downtimeSeconds: 1800 });
    // So does a change of the target (a figure's input, not an impact).
    await prisma.slo.updateMany({ where: { service: { slug } }, data: { target: 0.95 } });
    expect((await currentFleetSummary()).cached).toBe(false);
    expect(await summaryOf(slug)).toMatchObject({ slo: { target: 0.95 } });
  });

  it("is computed again once older than its interval, and /metrics says its age", async () => {
    process.env.NINES_FIGURE_CACHE_SECONDS = "1";
    const first = await currentFleetSummary();
    expect((await currentFleetSummary()).computedAt).toBe(first.computedAt);
    await new Promise((r) => setTimeout(r, 1100));
    const later = await currentFleetSummary();
    expect(later.cached).toBe(false);
    expect(later.computedAt).toBeGreaterThan(first.computedAt);
    const res = await call(metrics.GET, { token: tokens.viewer });
    expect(res.status).toBe(200);
    const age = Number(/^nines_figures_age_seconds (\S+)$/m.exec(String(res.body))?.[1]);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(2);
  });

  it("is computed once when many ask at the same time, and not at all when another process has it", async () => {
    let computed = 0;
    const compute = async () => {
      computed += 1;
      await new Promise((r) => setTimeout(r, 200));
      return JSON.stringify({ n: computed });
    };
    const key = `test:${Math.random()}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => cachedFigures(key, compute)));
    expect(computed).toBe(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // A request that saw a newer generation than a running computation started from does not
    // join it: a write committed meanwhile may be missing from it.
    const racing = `test:${Math.random()}`;
    const slow = cachedFigures(racing, async () => {
      await new Promise((r) => setTimeout(r, 300));
      return "before the write";
    });
    await new Promise((r) => setTimeout(r, 50));
    await prisma.$executeRaw`UPDATE "FigureGeneration" SET n = n + 1 WHERE id = 1`;
    expect((await cachedFigures(racing, async () => "after the write")).body).toBe("after the write");
    expect((await slow).body).toBe("before the write");
    // And the older computation did not overwrite the newer entry.
    expect((await cachedFigures(racing, compute)).body).toBe("after the write");
    await prisma.figureCache.deleteMany({ where: { key: racing } });
    // What another process wrote is read, not computed again.
    const other = `test:${Math.random()}`;
    const { n } = (await prisma.figureGeneration.findUniqueOrThrow({ where: { id: 1 } }));
    await prisma.figureCache.create({ data: { key: other, generation: n, computedAt: new Date(), body: "from another process" } });
    expect(await cachedFigures(other, compute)).toMatchObject({ body: "from another process", cached: true });
    expect(computed).toBe(1);
    await prisma.figureCache.deleteMany({ where: { key: { in: [key, other] } } });
  });
});
