import "server-only";
import { SERVICE_SLO_NAME, worstSlo } from "@/lib/domain/slo";
import { figuresWhere } from "./slo-availability";
import { SERVICE_STATES, serviceState } from "@/lib/domain/burn-state";
import { isServiceFailure, type AvailabilitySummaryDto, type ServiceFailureDto } from "@/lib/dto/availability";
import type { OverviewDto, OverviewRow, OverviewSort, OverviewState } from "@/lib/dto/overview";
import { SeriesQuery } from "@/lib/schemas/availability";
import type { TierFilter } from "@/lib/schemas/common";
import { seriesOfServices } from "./availability";
import { currentFleetSummary } from "./availability-fleet";
import { ongoingByService } from "./incidents-read";

export type OverviewQuery = { tier?: TierFilter; q?: string; state?: OverviewState; sort: OverviewSort; page: number; perPage: number };

// A row names the ongoing incidents that started last and says how many more there are.
const ONGOING_SHOWN = 3;
const STATE_ORDER: readonly OverviewState[] = ["failed", ...SERVICE_STATES];

function stateOf(s: AvailabilitySummaryDto | ServiceFailureDto): OverviewState {
  // No data (nothing of the window measured yet) is healthy as far as anyone knows: nothing burns.
  return isServiceFailure(s) ? "failed" : s.errorBudget === null ? serviceState("healthy", "ok") : serviceState(s.errorBudget.state, s.errorBudget.burnState);
}

type Entry = { summary: AvailabilitySummaryDto | ServiceFailureDto; state: OverviewState };

/** Failures first (they need a look), then each sort's worst first; the name breaks ties. */
function compare(sort: OverviewSort): (a: Entry, b: Entry) => number {
  const figure = (e: Entry): number => {
    if (isServiceFailure(e.summary)) return Number.NEGATIVE_INFINITY;
    // No data sorts last: it is neither worst nor best.
    if (sort === "budget") return e.summary.errorBudget?.remainingRatio ?? Number.POSITIVE_INFINITY;
    if (sort === "availability") return e.summary.availability ?? Number.POSITIVE_INFINITY;
    if (sort === "burn") return -(e.summary.errorBudget?.burnRates["1h"] ?? 0);
    return 0;
  };
  return (a, b) => {
    const byFigure = sort === "name" ? 0 : figure(a) - figure(b);
    return byFigure !== 0 && !Number.isNaN(byFigure) ? byFigure : a.summary.service.name.localeCompare(b.summary.service.name);
  };
}

/** For the page's services, their other SLOs: how many, and the most pressing one's figures over its own window. */
async function otherSlosOf(slugs: string[], asOf: string): Promise<Map<string, OverviewRow["otherSlos"]>> {
  const figures = await figuresWhere({ archivedAt: null, name: { not: SERVICE_SLO_NAME }, service: { slug: { in: slugs } } }, { asOf: new Date(asOf) });
  const out = new Map<string, OverviewRow["otherSlos"]>();
  for (const slug of new Set(figures.map((f) => f.slo.service.slug))) {
    const mine = figures.filter((f) => f.slo.service.slug === slug);
    const w = worstSlo(mine);
    out.set(slug, { total: mine.length, worst: w && { id: w.slo.id, name: w.slo.name, sli: w.sli, remainingRatio: w.errorBudget?.remainingRatio ?? null, burnState: w.burnState, unit: w.unit } });
  }
  return out;
}

/**
 * The overview: every active service in its own SLO window, from one all-services computation;
 * counted by state, filtered, sorted, paged; the page's rows with their ongoing incidents (a count
 * per service and the latest few) and a 26-week trend (both read for those rows only).
 */
export async function fleetOverview(query: OverviewQuery): Promise<OverviewDto> {
  // Each service in its own SLO window; no incident list per service (the overview shows none).
  // Shared across requests and processes for a few seconds (figure-cache.ts); its age is shown.
  const { fleet, computedAt } = await currentFleetSummary(query.tier);
  const needle = query.q?.trim().toLowerCase() ?? "";
  const all = fleet.services.map((summary) => ({ summary, state: stateOf(summary) }));
  const matching = needle ? all.filter((e) => e.summary.service.slug.includes(needle) || e.summary.service.name.toLowerCase().includes(needle)) : all;
  const counts = Object.fromEntries(STATE_ORDER.map((s) => [s, 0])) as Record<OverviewState, number>;
  for (const e of matching) counts[e.state] += 1;
  const shown = (query.state ? matching.filter((e) => e.state === query.state) : matching).sort(compare(query.sort));
  const pages = Math.max(1, Math.ceil(shown.length / query.perPage));
  const page = Math.min(Math.max(1, query.page), pages);
  const slice = shown.slice((page - 1) * query.perPage, page * query.perPage);

  const slugs = slice.map((e) => e.summary.service.slug);
  const [trends, ongoing, others] = await Promise.all([seriesOfServices(slugs, SeriesQuery.parse({ bucket: "week", count: "26", asOf: fleet.asOf })), ongoingByService(slugs, ONGOING_SHOWN), otherSlosOf(slugs, fleet.asOf)]);
  const trendBySlug = new Map(trends.map((t) => [t.service.slug, isServiceFailure(t) ? null : t.entries]));
  return {
    asOf: fleet.asOf,
    ageSeconds: Math.max(0, Math.round((Date.now() - computedAt) / 1000)),
    counts,
    total: shown.length,
    rows: slice.map((e): OverviewRow => {
      const slug = e.summary.service.slug;
      const o = ongoing.get(slug);
      return { ...e, ongoing: o?.latest ?? [], ongoingTotal: o?.total ?? 0, trend: trendBySlug.get(slug) ?? null, otherSlos: others.get(slug) ?? { total: 0, worst: null } };
    }),
    page,
    pages,
    perPage: query.perPage,
  };
}
