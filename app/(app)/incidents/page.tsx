import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import type { Metadata } from "next";
import Link from "next/link";
import { CursorRefused } from "@/components/feedback/cursor-refused";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { IncidentFilters, type IncidentFilterValues } from "@/components/incidents/incident-filters";
import { IncidentTable } from "@/components/incidents/incident-table";
import { formatCount } from "@/components/format";
import { addDays, type CivilDate } from "@/lib/domain/civil-date";
import { startOfLocalDay } from "@/lib/domain/time-zone";
import { DateOnly } from "@/lib/schemas/action-item";
import { IncidentListQuery } from "@/lib/schemas/incident";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { listCosts } from "@/lib/server/incident-costs";
import { readFromCursor } from "@/lib/server/cursor-page";
import { listIncidents } from "@/lib/server/incidents-read";
import { listServiceOptions } from "@/lib/server/services";
import { requestTime } from "@/lib/server/request-time";
import { getSettings } from "@/lib/server/settings";
import { listTiers } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "Incidents" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const civil = (text: string): CivilDate => {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

/**
 * The URL's filters, each checked by the API's own schema on its own: a bad one is named beside
 * its field and left out, the others still apply. Dates are days in the organisation's zone.
 */
function readFilters(sp: Search, timeZone: string) {
  const values: IncidentFilterValues = { service: one(sp.service), tier: one(sp.tier), severity: one(sp.severity) ? one(sp.severity).split(",") : [], kind: one(sp.kind), status: one(sp.status), from: one(sp.from), to: one(sp.to) };
  const errors: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const key of ["service", "tier", "kind", "status"] as const) if (values[key]) query[key] = values[key];
  if (values.severity.length) query.severity = values.severity.join(",");
  for (const key of ["from", "to"] as const) {
    if (!values[key]) continue;
    const date = DateOnly.safeParse(values[key]);
    if (!date.success) errors[key] = date.error.issues[0]?.message ?? "Must be a date";
    else query[key] = new Date(startOfLocalDay(key === "to" ? addDays(civil(date.data), 1) : civil(date.data), timeZone)).toISOString();
  }
  const parsed = IncidentListQuery.safeParse(query);
  if (parsed.success) return { values, errors, query: parsed.data };
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const kept = Object.fromEntries(Object.entries(query).filter(([k]) => !errors[k]));
  return { values, errors, query: IncidentListQuery.parse(kept) };
}

// The default view previews the ongoing incidents that started last; `?status=open` pages them all.
const ONGOING_PREVIEW = 50;
const UPCOMING_PREVIEW = 10;
const NONE = { incidents: [], nextCursor: null, total: 0 };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const [sp, settings, tiers, services] = await Promise.all([searchParams, getSettings(), listTiers(), listServiceOptions()]);
  const tz = settings.timeZone;
  const { values, errors, query } = readFilters(sp, tz);
  const cursor = one(sp.cursor);
  // Which list the cursor pages: the ongoing one when only ongoing incidents are asked for.
  const ongoingOnly = query.status === "open";
  const upcomingOnly = query.status === "upcoming";
  const showList = query.status !== "open";
  const [ongoingRead, listRead, upcoming] = await Promise.all([
    ongoingOnly
      ? readFromCursor(cursor, (c) => listIncidents({ ...query, status: "open", limit: ONGOING_PREVIEW, ...(c ? { cursor: c } : {}) }))
      : query.status === undefined && !cursor
        ? listIncidents({ ...query, status: "open", limit: ONGOING_PREVIEW }).then((page) => ({ page, cursorRefused: false }))
        : null,
    showList ? readFromCursor(cursor, (c) => listIncidents({ ...query, status: upcomingOnly ? "upcoming" : "resolved", ...(c ? { cursor: c } : {}) })) : null,
    // Maintenance entered ahead: it counts nowhere until it starts, but people plan around it.
    query.status === undefined && !cursor ? listIncidents({ ...query, status: "upcoming", limit: UPCOMING_PREVIEW }) : NONE,
  ]);
  const ongoing = ongoingRead?.page ?? NONE;
  const page = listRead?.page ?? NONE;
  const cursorRefused = Boolean(ongoingRead?.cursorRefused || listRead?.cursorRefused);
  const paged = Boolean(cursor) && !cursorRefused;
  const costs = await listCosts([...ongoing.incidents, ...page.incidents]);
  const listName = upcomingOnly ? (paged ? "Scheduled maintenance, later ones" : "Scheduled maintenance, soonest first") : paged ? "Resolved, older ones" : "Resolved, newest first";
  const renderedAt = requestTime();
  const canEdit = roleAllows(actor.role, "editor");
  const filtered = Object.values(values).some((v) => (Array.isArray(v) ? v.length > 0 : v !== ""));
  const kept = Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, one(v)]).filter(([k, v]) => k !== "cursor" && v));
  const href = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({ ...kept, ...extra }).toString();
    return qs ? `/incidents?${qs}` : "/incidents";
  };
  const nextCursor = ongoingOnly ? ongoing.nextCursor : page.nextCursor;
  const next = nextCursor ? href({ cursor: nextCursor }) : null;
  // The shell has the "Declare incident" button on every page; the empty state offers it too.
  const declare = canEdit ? <Link className="btn btn-primary" href="/incidents/new">Declare incident</Link> : undefined;

  return (
    <>
      <PageHeader title="Incidents" description="Every outage and planned maintenance window, what it hit and what it cost. Ongoing ones first." />
      <FiltersDisclosure active={Object.values(values).filter((v) => (Array.isArray(v) ? v.length > 0 : v !== "")).length} startOpen={Object.keys(errors).length > 0}>
        <IncidentFilters values={values} errors={errors} timeZone={tz} tiers={tiers.map((t) => ({ rank: t.rank, name: t.name }))} services={services.map((s) => ({ slug: s.slug, name: s.name }))} />
      </FiltersDisclosure>
      {Object.keys(errors).length > 0 && (
        <p className="alert alert-warning" role="alert">Some filters were not understood and are left out: see the fields marked above.</p>
      )}
      {cursorRefused && <CursorRefused start={href({})} />}
      {ongoingRead && (
        <section aria-labelledby="ongoing-heading">
          <div className="section-head">
            <h2 id="ongoing-heading">
              {ongoingOnly && paged ? "Ongoing, started earlier" : "Ongoing"} <span className="count">{formatCount(ongoing.total)}</span>
            </h2>
            {ongoingOnly && paged && <Link href={href({})}>Back to the latest</Link>}
          </div>
          {ongoing.incidents.length > 0 ? (
            <IncidentTable incidents={ongoing.incidents} costs={costs} timeZone={tz} renderedAt={renderedAt} caption="Ongoing incidents" />
          ) : (
            <p className="muted">Nothing is ongoing{filtered ? " that matches these filters" : ""}.</p>
          )}
          {!ongoingOnly && ongoing.total > ongoing.incidents.length && (
            <p className="list-more" role="status">
              The {formatCount(ongoing.incidents.length)} that started last of {formatCount(ongoing.total)} ongoing. <Link href={href({ status: "open" })}>See all {formatCount(ongoing.total)} ongoing incidents</Link>
            </p>
          )}
        </section>
      )}
      {upcoming.total > 0 && (
        <section aria-labelledby="upcoming-heading">
          <div className="section-head">
            <h2 id="upcoming-heading">
              Scheduled maintenance <span className="count">{formatCount(upcoming.total)}</span>
            </h2>
          </div>
          <p className="muted">Planned work still to start: it counts nowhere until it begins, then it is ongoing until its planned end.</p>
          <IncidentTable incidents={upcoming.incidents} costs={costs} timeZone={tz} renderedAt={renderedAt} caption="Scheduled maintenance, soonest first" />
          {upcoming.total > upcoming.incidents.length && (
            <p className="list-more" role="status">
              The {formatCount(upcoming.incidents.length)} starting soonest of {formatCount(upcoming.total)}. <Link href={href({ status: "upcoming" })}>See all {formatCount(upcoming.total)} scheduled</Link>
            </p>
          )}
        </section>
      )}
      {showList && (
        <section aria-labelledby="resolved-heading">
          <div className="section-head">
            <h2 id="resolved-heading">
              {listName} <span className="count">{formatCount(page.total)}</span>
            </h2>
            {paged && <Link href={href({})}>Back to the {upcomingOnly ? "soonest" : "newest"}</Link>}
          </div>
          {page.incidents.length > 0 ? (
            <IncidentTable incidents={page.incidents} costs={costs} timeZone={tz} renderedAt={renderedAt} caption={listName} />
          ) : upcomingOnly ? (
            <p className="muted">No maintenance is scheduled{filtered ? " that matches these filters" : ""}. To plan some, declare an incident of kind planned maintenance that starts later.</p>
          ) : filtered ? (
            <EmptyState title={ongoing.total > 0 ? "No resolved incidents match these filters" : "No incidents match these filters"} action={<Link className="btn btn-secondary" href="/incidents">Clear filters</Link>}>
              Widen the time range or pick another service or severity.
            </EmptyState>
          ) : ongoing.total > 0 || upcoming.total > 0 ? (
            <p className="muted">None resolved yet: each incident moves here when it is resolved.</p>
          ) : (
            <EmptyState title="No incidents logged yet" action={declare}>
              When something breaks, declare an incident: a title and the service it hits are enough, and the rest can be filled in as you go.
              {!canEdit && " Ask an editor to declare one; you will see it here."}
            </EmptyState>
          )}
        </section>
      )}
      {next && (
        <div className="button-row">
          <Link className="btn btn-secondary" href={next}>{ongoingOnly ? "Ongoing incidents that started earlier" : upcomingOnly ? "Later maintenance" : "Older incidents"}</Link>
        </div>
      )}
    </>
  );
}
