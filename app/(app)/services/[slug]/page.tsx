import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, cache } from "react";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { WidgetSkeleton } from "@/components/feedback/widget-skeleton";
import { IncidentTable } from "@/components/incidents/incident-table";
import { ServiceRisks } from "@/components/risks/service-risks";
import { formatCount, formatMaintenance, formatPercent, formatWindow, tierLabel } from "@/components/format";
import { OrgTime } from "@/components/org-time";
import type { AvailabilityView } from "@/lib/query/availability";
import { AvailabilityQuery } from "@/lib/schemas/availability";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { NotFoundError } from "@/lib/server/errors";
import { listCosts } from "@/lib/server/incident-costs";
import { listIncidents } from "@/lib/server/incidents-read";
import { requestTime } from "@/lib/server/request-time";
import { ProbeState } from "@/components/probes/probe-state";
import { listProbes } from "@/lib/server/probes";
import { serviceRiskBudget } from "@/lib/server/risk-detail";
import { listRisks } from "@/lib/server/risks-read";
import { getService } from "@/lib/server/services";
import { getSettings } from "@/lib/server/settings";
import { figuresOfSlos } from "@/lib/server/slo-availability";
import { reconcileSlos } from "@/lib/server/slo-reconcile";
import { listSlos } from "@/lib/server/slos";
import { ServiceSlos } from "@/components/slos/service-slos";
import { ServicePolicyCard } from "@/components/policy/service-policy-card";
import { getServicePolicy } from "@/lib/server/budget-policy";
import { baseUrl } from "@/lib/server/notify";
import { DetailsSection, FiguresSection, TrendSection, preloadSections } from "./availability-sections";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/** The URL's view in the API's notation; a malformed part is named and left out, not a failure. */
function readView(sp: Record<string, string | string[] | undefined>): { view: AvailabilityView; problems: string[] } {
  const problems: string[] = [];
  const window = one(sp.window) || null;
  const asOf = one(sp.asOf) || null;
  const bucket = one(sp.bucket);
  const checked = AvailabilityQuery.safeParse({ ...(window ? { window } : {}), ...(asOf ? { asOf } : {}) });
  const bad = new Set(checked.success ? [] : checked.error.issues.map((i) => String(i.path[0])));
  if (!checked.success) for (const i of checked.error.issues) problems.push(`${String(i.path[0])}: ${i.message}`);
  return {
    view: { window: bad.has("window") ? null : window, asOf: bad.has("asOf") ? null : asOf, bucket: bucket === "day" || bucket === "month" ? bucket : "week", beside: one(sp.beside) || null },
    problems,
  };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).slug };
}

function SlugList({ slugs, empty, label }: { slugs: string[]; empty: string; label: string }) {
  if (slugs.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="chip-list" aria-label={label}>
      {slugs.map((s) => (
        <li key={s}>
          <Link className="chip" href={`/services/${s}`}>{s}</Link>
        </li>
      ))}
    </ul>
  );
}

/** The latest incidents on the service, whenever they were, with what each cost. */
const recentFor = cache(async (slug: string) => {
  const recent = await listIncidents({ service: slug, limit: 10 });
  return { incidents: recent.incidents, total: recent.total, costs: await listCosts(recent.incidents) };
});

async function RecentIncidents({ slug, name, timeZone }: { slug: string; name: string; timeZone: string }) {
  const { incidents, total, costs } = await recentFor(slug);
  return (
    <section aria-labelledby="recent-heading">
      <div className="section-head">
        <h2 id="recent-heading">Recent incidents</h2>
        <Link href={`/incidents?service=${slug}`}>{total > incidents.length ? `All ${formatCount(total)} incidents on ${name}` : `All incidents on ${name}`}</Link>
      </div>
      {incidents.length > 0 ? (
        <IncidentTable incidents={incidents} costs={costs} timeZone={timeZone} renderedAt={requestTime()} caption={`Recent incidents on ${name}`} />
      ) : (
        <EmptyState title="No incidents on this service">When it is hit by an outage or planned maintenance, declare an incident and it shows up here with what it cost.</EmptyState>
      )}
    </section>
  );
}

const risksFor = cache(async (slug: string) => Promise.all([listRisks({ service: slug, status: "open", limit: 10 }), serviceRiskBudget(slug)]));

async function RisksSection({ slug, name, timeZone, canEdit }: { slug: string; name: string; timeZone: string; canEdit: boolean }) {
  const [{ risks, total }, budget] = await risksFor(slug);
  if (!budget) return null;
  return <ServiceRisks slug={slug} name={name} risks={risks} total={total} budget={budget} timeZone={timeZone} canEdit={canEdit} />;
}

const SLOS_SHOWN = 20;

/** Every SLO's figures over its own window: the service's own first (docs/decisions/0021-slo-entity.md). */
async function SlosSection({ slug }: { slug: string }) {
  const [{ slos, total }, probes] = await Promise.all([listSlos(slug, { limit: SLOS_SHOWN }), listProbes(slug, { coverage: false })]);
  const [figures, beside] = await Promise.all([figuresOfSlos(slos, {}, Number.POSITIVE_INFINITY), reconcileSlos(slos, {})]);
  return <ServiceSlos slug={slug} figures={figures} total={total} beside={beside} probeUrls={Object.fromEntries(probes.map((p) => [p.id, p.url]))} />;
}

/** Its state under the error-budget policy, as the evaluator stored it: read, never recomputed here. */
async function PolicySection({ slug, timeZone, role }: { slug: string; timeZone: string; role: "viewer" | "editor" | "admin" }) {
  const policy = await getServicePolicy(slug);
  return <ServicePolicyCard policy={policy} timeZone={timeZone} canEdit={roleAllows(role, "editor")} canAdmin={roleAllows(role, "admin")} origin={baseUrl()} />;
}

/** The service's probes at a glance: state in words, last latency, the way to the rest. */
async function ProbesSummary({ slug }: { slug: string }) {
  const probes = await listProbes(slug, { coverage: false });
  return (
    <section className="card" aria-labelledby="probes-heading">
      <div className="section-head">
        <h2 id="probes-heading">Probes</h2>
        <Link href={`/services/${slug}/probes`}>{probes.length ? "Runs, and the record checked against them" : "Add a probe"}</Link>
      </div>
      {probes.length === 0 ? (
        <p className="muted">No synthetic checks: Nines can watch this service itself and open incidents when it fails.</p>
      ) : (
        <ul className="plain-list">
          {probes.map((p) => (
            <li key={p.id}>
              <ProbeState state={p.state} /> <code>{p.url}</code> <span className="muted">{p.lastRun ? `${p.lastRun.latencyMs} ms` : "not run yet"}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function ServicePage({ params, searchParams }: Params) {
  const { slug } = await params;
  const { view, problems } = readView(await searchParams);
  // Signed in and allowed first (cached: the layout asked already), then every read at once.
  const actor = await requirePageActor();
  preloadSections(slug, view);
  recentFor(slug).catch(() => {});
  risksFor(slug).catch(() => {});
  const [service, settings] = await Promise.all([
    getService(slug).catch((err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }),
    getSettings(),
  ]);
  const { tier } = service;
  const inherited = (value: unknown) => (value === null ? <span className="inherited">inherited from {tierLabel(tier)}</span> : <span className="inherited">set on this service</span>);

  return (
    <>
      <PageHeader
        title={
          <>
            {service.name} {service.archived && <span className="badge badge-warning">archived</span>}
          </>
        }
        description={<code>{service.slug}</code>}
        crumbs={[{ href: "/services", label: "Services" }]}
        actions={
          roleAllows(actor.role, "editor") ? (
            <>
              {!service.archived && <Link className="btn btn-secondary" href={`/incidents/new?service=${encodeURIComponent(slug)}`}>Declare incident<span className="visually-hidden"> on {service.name}</span></Link>}
              <Link className="btn btn-secondary" href={`/services/${slug}/edit`}>Edit service</Link>
            </>
          ) : undefined
        }
      />
      {problems.length > 0 && (
        <p className="alert alert-warning" role="alert">Parts of this link were not understood and are left out: {problems.join("; ")}.</p>
      )}
      <Suspense fallback={<WidgetSkeleton label="Computing this service's figures" rows={4} />}>
        <FiguresSection slug={slug} view={view} sloWindow={service.sloWindow} timeZone={settings.timeZone} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton label="Reading its error-budget policy state" rows={2} />}>
        <PolicySection slug={slug} timeZone={settings.timeZone} role={actor.role} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton label="Drawing the trend and its incidents" rows={5} />}>
        <TrendSection slug={slug} view={view} timeZone={settings.timeZone} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton label="Computing the burn-down, burn rates and response times" rows={6} />}>
        <DetailsSection slug={slug} view={view} timeZone={settings.timeZone} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton label="Computing each SLO's figures" rows={3} />}>
        <SlosSection slug={slug} />
      </Suspense>
      <div className="two-col">
        <section className="card" aria-labelledby="slo-heading">
          <h2 id="slo-heading">Its own objective</h2>
          <dl className="props">
            <dt>SLO target</dt>
            <dd>{formatPercent(service.sloTarget)} {inherited(service.overrides.sloTarget)}</dd>
            <dt>Window</dt>
            <dd>{formatWindow(service.sloWindow)} {inherited(service.overrides.sloWindow)}</dd>
            <dt>Maintenance</dt>
            <dd>{formatMaintenance(service.maintenance)} {inherited(service.overrides.maintenance)}</dd>
            <dt>Tier</dt>
            <dd>
              <Link href={`/services?tier=${tier.rank}`}>{tierLabel(tier)}</Link>
              <span className="inherited">default {formatPercent(tier.sloTarget)}, {formatWindow(tier.sloWindow).toLowerCase()}</span>
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="about-heading">
          <h2 id="about-heading">About</h2>
          <dl className="props">
            <dt>Owner team</dt>
            <dd>{service.owner || <span className="muted">No owner yet</span>}</dd>
            <dt>Description</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{service.description || <span className="muted">No description</span>}</dd>
            <dt>Created</dt>
            <dd><OrgTime iso={service.createdAt} timeZone={settings.timeZone} showZone /></dd>
            <dt>Measured since</dt>
            <dd>
              <OrgTime iso={service.measuredSince} timeZone={settings.timeZone} showZone />
              <span className="inherited">Its incident record counts from here; figures before it are no data.</span>
            </dd>
            <dt>Last changed</dt>
            <dd><OrgTime iso={service.updatedAt} timeZone={settings.timeZone} showZone /></dd>
            {service.archivedAt && (
              <>
                <dt>Archived</dt>
                <dd><OrgTime iso={service.archivedAt} timeZone={settings.timeZone} showZone /></dd>
              </>
            )}
          </dl>
        </section>
      </div>
      <Suspense fallback={<WidgetSkeleton label="Reading recent incidents" rows={3} />}>
        <RecentIncidents slug={service.slug} name={service.name} timeZone={settings.timeZone} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton label="Reading this service's probes" rows={2} />}>
        <ProbesSummary slug={service.slug} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton label="Reading this service's risks" rows={3} />}>
        <RisksSection slug={service.slug} name={service.name} timeZone={settings.timeZone} canEdit={roleAllows(actor.role, "editor")} />
      </Suspense>
      <section className="card" aria-labelledby="deps-heading">
        <h2 id="deps-heading">Dependencies</h2>
        <div className="two-col">
          <div className="stack-small">
            <h3>Depends on</h3>
            <SlugList slugs={service.dependsOn} label={`${service.name} depends on`} empty="Nothing: an outage elsewhere does not take this service down." />
          </div>
          <div className="stack-small">
            <h3>Depended on by</h3>
            <SlugList slugs={service.dependedOnBy} label={`Services that depend on ${service.name}`} empty="No other service depends on this one." />
          </div>
        </div>
      </section>
    </>
  );
}
