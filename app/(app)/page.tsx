import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { WidgetSkeleton } from "@/components/feedback/widget-skeleton";
import { formatDateTime } from "@/components/format";
import { BurnRules } from "@/components/overview/burn-rules";
import { FleetTable } from "@/components/overview/fleet-table";
import { OngoingBanner } from "@/components/overview/ongoing-banner";
import { UpcomingMaintenance } from "@/components/overview/upcoming-maintenance";
import { FrozenServices } from "@/components/overview/frozen-services";
import { policyStates } from "@/lib/server/budget-policy";
import { OverviewFilters, type OverviewFilterValues } from "@/components/overview/overview-filters";
import { StateCounts } from "@/components/overview/state-counts";
import { NoServicesYet } from "@/components/services/no-services-yet";
import { SERVICE_STATES } from "@/lib/domain/burn-state";
import { OVERVIEW_SORTS, PER_PAGE_OPTIONS, type OverviewSort, type OverviewState } from "@/lib/dto/overview";
import { TierFilter } from "@/lib/schemas/common";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { fleetOverview, type OverviewQuery } from "@/lib/server/fleet-overview";
import { figureCacheMs } from "@/lib/server/figure-cache";
import { listIncidents } from "@/lib/server/incidents-read";
import { getSettings } from "@/lib/server/settings";
import { listTiers } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "Overview" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const PER_PAGE: readonly string[] = PER_PAGE_OPTIONS;
// Each shown row's 26-week trend is its own read (about 1 ms a row with 1,000 services): 25 keeps
// the page within a few tens of milliseconds of the all-services computation it is built on.
const DEFAULT_PER_PAGE = "25";

/** The URL's view of the fleet; anything malformed falls back to the default (the URL is editable). */
function readQuery(sp: Search): { query: OverviewQuery; values: OverviewFilterValues } {
  const tier = TierFilter.safeParse(one(sp.tier));
  const tierValue = tier.success && "rank" in tier.data ? one(sp.tier) : "";
  const state = [...SERVICE_STATES, "failed"].includes(one(sp.state)) ? (one(sp.state) as OverviewState) : undefined;
  const sort = (OVERVIEW_SORTS as readonly string[]).includes(one(sp.sort)) ? (one(sp.sort) as OverviewSort) : "budget";
  const perPage = PER_PAGE.includes(one(sp.perPage)) ? one(sp.perPage) : DEFAULT_PER_PAGE;
  const page = /^[1-9]\d{0,5}$/.test(one(sp.page)) ? Number(one(sp.page)) : 1;
  // Not cut to a length: a search longer than any name or slug matches nothing, and says so.
  const q = one(sp.q).replace(/[\u0000-\u001f\u007f]/g, "");
  return {
    query: { ...(tierValue && tier.success ? { tier: tier.data } : {}), ...(q ? { q } : {}), ...(state ? { state } : {}), sort, page, perPage: Number(perPage) },
    values: { tier: tierValue, q, state: state ?? "", sort, perPage },
  };
}

function hrefOf(values: OverviewFilterValues, change: Partial<OverviewFilterValues & { page: string }>): string {
  const merged = { ...values, page: "", ...change };
  const sp = new URLSearchParams(Object.entries(merged).filter(([k, v]) => v && !(k === "sort" && v === "budget") && !(k === "perPage" && v === DEFAULT_PER_PAGE)));
  const qs = sp.toString();
  return qs ? `/?${qs}` : "/";
}

async function Fleet({ query, values, timeZone, canEdit }: { query: OverviewQuery; values: OverviewFilterValues; timeZone: string; canEdit: boolean }) {
  const overview = await fleetOverview(query);
  const everything = Object.values(overview.counts).reduce((a, b) => a + b, 0);
  if (everything === 0 && !values.q && !values.tier) return <NoServicesYet canEdit={canEdit} />;
  const first = (overview.page - 1) * overview.perPage + 1;
  const last = first + overview.rows.length - 1;
  return (
    <>
      <StateCounts counts={overview.counts} current={query.state} href={(state) => hrefOf(values, { state: state ?? "" })} />
      <BurnRules />
      <p className="muted" role="status">
        {overview.total === 0 ? "No services" : `Services ${first}–${last} of ${overview.total}`}
        {values.state ? " in this state" : ""}, each in its own SLO window, as of {formatDateTime(overview.asOf, timeZone)} {timeZone}
        {overview.ageSeconds > 0 ? ` (figures computed ${overview.ageSeconds} s ago, shared by everyone for up to ${figureCacheMs() / 1000} s)` : ""}.
      </p>
      {overview.rows.length > 0 ? (
        <FleetTable rows={overview.rows} caption="Services, the most pressing first" />
      ) : (
        <EmptyState title="No services match" action={<Link className="btn btn-secondary" href="/">Show every service</Link>}>
          Try another tier or state, or a shorter search: it looks at names and slugs.
        </EmptyState>
      )}
      {overview.pages > 1 && (
        <nav className="pager" aria-label="Pages of services">
          {overview.page > 1 ? <Link href={hrefOf(values, { page: String(overview.page - 1) })}>← Previous</Link> : <span />}
          <span>Page {overview.page} of {overview.pages}</span>
          {overview.page < overview.pages ? <Link href={hrefOf(values, { page: String(overview.page + 1) })}>Next →</Link> : <span />}
        </nav>
      )}
    </>
  );
}

// The banner names the few that started last; its figure is the server's count of all of them.
const BANNER_INCIDENTS = 5;
const UPCOMING_SHOWN = 3;

async function Ongoing({ timeZone }: { timeZone: string }) {
  const [ongoing, upcoming, policy] = await Promise.all([listIncidents({ status: "open", limit: BANNER_INCIDENTS }), listIncidents({ status: "upcoming", limit: UPCOMING_SHOWN }), policyStates()]);
  return (
    <>
      <OngoingBanner incidents={ongoing.incidents} total={ongoing.total} />
      <UpcomingMaintenance incidents={upcoming.incidents} total={upcoming.total} timeZone={timeZone} />
      <FrozenServices {...policy} timeZone={timeZone} />
    </>
  );
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const [sp, settings, tiers] = await Promise.all([searchParams, getSettings(), listTiers()]);
  const { query, values } = readQuery(sp);
  return (
    <>
      <PageHeader title="Overview" description="Every active service against its SLO: what is burning now, what budget is left, how the last 26 weeks went." />
      <Suspense fallback={null}>
        <Ongoing timeZone={settings.timeZone} />
      </Suspense>
      <FiltersDisclosure active={[values.q, values.tier].filter(Boolean).length}>
        <OverviewFilters values={values} tiers={tiers.map((t) => ({ rank: t.rank, name: t.name }))} />
      </FiltersDisclosure>
      <Suspense key={JSON.stringify(query)} fallback={<WidgetSkeleton label="Computing every service's figures" rows={8} />}>
        <Fleet query={query} values={values} timeZone={settings.timeZone} canEdit={roleAllows(actor.role, "editor")} />
      </Suspense>
    </>
  );
}
