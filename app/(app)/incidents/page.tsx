import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { IncidentFilters, type IncidentFilterValues } from "@/components/incidents/incident-filters";
import { IncidentTable } from "@/components/incidents/incident-table";
import { addDays, type CivilDate } from "@/lib/domain/civil-date";
import { startOfLocalDay } from "@/lib/domain/time-zone";
import { DateOnly } from "@/lib/schemas/action-item";
import { IncidentListQuery } from "@/lib/schemas/incident";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { listCosts } from "@/lib/server/incident-costs";
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

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const [sp, settings, tiers, services] = await Promise.all([searchParams, getSettings(), listTiers(), listServiceOptions()]);
  const tz = settings.timeZone;
  const { values, errors, query } = readFilters(sp, tz);
  const cursor = one(sp.cursor);
  const showOngoing = query.status !== "resolved" && !cursor;
  const showList = query.status !== "open";
  const [ongoing, page] = await Promise.all([
    showOngoing ? listIncidents({ ...query, status: "open", limit: 200 }) : { incidents: [], nextCursor: null },
    showList
      ? listIncidents({ ...query, status: "resolved", ...(cursor ? { cursor } : {}) }).catch(() => listIncidents({ ...query, status: "resolved" }))
      : { incidents: [], nextCursor: null },
  ]);
  const costs = await listCosts([...ongoing.incidents, ...page.incidents]);
  const renderedAt = requestTime();
  const canEdit = roleAllows(actor.role, "editor");
  const filtered = Object.values(values).some((v) => (Array.isArray(v) ? v.length > 0 : v !== ""));
  const next = page.nextCursor ? `/incidents?${new URLSearchParams({ ...Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, one(v)])), cursor: page.nextCursor }).toString()}` : null;
  // The shell has the "Declare incident" button on every page; the empty state offers it too.
  const declare = canEdit ? <Link className="btn btn-primary" href="/incidents/new">Declare incident</Link> : undefined;

  return (
    <>
      <PageHeader title="Incidents" description="Every outage and planned maintenance window, what it hit and what it cost. Ongoing ones first." />
      <IncidentFilters values={values} errors={errors} timeZone={tz} tiers={tiers.map((t) => ({ rank: t.rank, name: t.name }))} services={services.map((s) => ({ slug: s.slug, name: s.name }))} />
      {Object.keys(errors).length > 0 && (
        <p className="alert alert-warning" role="alert">Some filters were not understood and are left out: see the fields marked above.</p>
      )}
      {showOngoing && (
        <section aria-labelledby="ongoing-heading">
          <div className="section-head">
            <h2 id="ongoing-heading">
              Ongoing <span className="count">{ongoing.incidents.length}</span>
            </h2>
          </div>
          {ongoing.incidents.length > 0 ? (
            <IncidentTable incidents={ongoing.incidents} costs={costs} timeZone={tz} renderedAt={renderedAt} caption="Ongoing incidents" />
          ) : (
            <p className="muted">Nothing is ongoing{filtered ? " that matches these filters" : ""}.</p>
          )}
        </section>
      )}
      {showList && (
        <section aria-labelledby="resolved-heading">
          <div className="section-head">
            <h2 id="resolved-heading">{cursor ? "Older incidents" : "Resolved, newest first"}</h2>
            {cursor && <Link href="/incidents">Back to the newest</Link>}
          </div>
          {page.incidents.length > 0 ? (
            <IncidentTable incidents={page.incidents} costs={costs} timeZone={tz} renderedAt={renderedAt} caption="Resolved incidents, newest first" />
          ) : filtered ? (
            <EmptyState title="No incidents match these filters" action={<Link className="btn btn-secondary" href="/incidents">Clear filters</Link>}>
              Widen the time range or pick another service or severity.
            </EmptyState>
          ) : (
            <EmptyState title="No incidents logged yet" action={declare}>
              When something breaks, declare an incident: a title and the service it hits are enough, and the rest can be filled in as you go.
              {!canEdit && " Ask an editor to declare one; you will see it here."}
            </EmptyState>
          )}
          {next && (
            <div className="button-row">
              <Link className="btn btn-secondary" href={next}>Older incidents</Link>
            </div>
          )}
        </section>
      )}
    </>
  );
}
