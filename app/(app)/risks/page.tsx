import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CursorRefused } from "@/components/feedback/cursor-refused";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { RiskFilters, type RiskFilterValues } from "@/components/risks/risk-filters";
import { RiskTable } from "@/components/risks/risk-table";
import { WidgetSkeleton } from "@/components/feedback/widget-skeleton";
import { RiskListQuery } from "@/lib/schemas/risk";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { readFromCursor } from "@/lib/server/cursor-page";
import { listRisks } from "@/lib/server/risks-read";
import { listServiceOptions } from "@/lib/server/services";
import { getSettings } from "@/lib/server/settings";
import { MatrixSection, preloadSections, StackSection } from "./risk-sections";

export const metadata: Metadata = { title: "Risks" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const KEYS = ["assessment", "cell", "service", "level", "treatment", "status", "overdue", "owner", "q", "sort"] as const;

/** The URL's filters, each checked by the API's schema on its own: a bad one is named beside its field and left out. */
function readFilters(sp: Search) {
  const values = Object.fromEntries(KEYS.map((k) => [k, one(sp[k])])) as RiskFilterValues;
  const raw: Record<string, string> = {};
  for (const k of KEYS) if (values[k]) raw[k] = values[k];
  // The page shows open risks unless asked otherwise; "all" means both.
  if (!raw.status) raw.status = "open";
  if (raw.status === "all") delete raw.status;
  const errors: Record<string, string> = {};
  const parsed = RiskListQuery.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !errors[k]));
  return { values, errors, query: RiskListQuery.parse(kept) };
}

export default async function RisksPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const { values, errors, query } = readFilters(sp);
  const cursor = one(sp.cursor);
  // The stack rank's page, 10 ranks each; anything else than a whole number from 1 is the first.
  const stackPage = /^\d{1,4}$/.test(one(sp.stack)) ? Math.max(1, Number(one(sp.stack))) : 1;
  const assessment = query.assessment ?? "current";
  const { cell, level: _level, sort: _sort, ...scope } = query;
  preloadSections(scope);
  const [settings, services, { page, cursorRefused }] = await Promise.all([
    getSettings(),
    listServiceOptions(),
    readFromCursor(cursor, (c) => listRisks({ ...query, limit: 50, ...(c ? { cursor: c } : {}) })),
  ]);
  const canEdit = roleAllows(actor.role, "editor");
  const params = (extra: Record<string, string | null>) => {
    const next = new URLSearchParams(Object.entries(values).filter(([, v]) => v) as [string, string][]);
    for (const [k, v] of Object.entries(extra)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    const text = next.toString();
    return text ? `/risks?${text}` : "/risks";
  };
  const csv = `/api/v1/risks?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([k, v]) => k !== "limit" && v !== undefined).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)])), format: "csv" }).toString()}`;
  const filtered = KEYS.some((k) => k !== "assessment" && k !== "sort" && values[k]);
  const newRisk = canEdit ? <Link className="btn btn-primary" href="/risks/new">New risk</Link> : undefined;

  return (
    <>
      <PageHeader
        title="Risks"
        description="What could take each service down, scored on the 5×5 matrix and counted in bad minutes against its error budget."
        actions={
          <>
            <a className="btn btn-secondary" href={csv} download>Export CSV</a>
            {newRisk}
          </>
        }
      />
      <Suspense fallback={<WidgetSkeleton label="Counting risks per cell" rows={6} />}>
        <MatrixSection scope={scope} cell={cell ?? null} levelFilter={query.level?.join(",") ?? ""} overdueFilter={values.overdue !== ""} href={params} />
      </Suspense>
      <FiltersDisclosure active={KEYS.filter((k) => k !== "assessment" && k !== "sort" && values[k]).length} startOpen={Object.keys(errors).length > 0}>
        <RiskFilters values={{ ...values, assessment }} services={services.map((s) => ({ slug: s.slug, name: s.name }))} errors={errors} />
      </FiltersDisclosure>
      {Object.keys(errors).length > 0 && <p className="alert alert-warning" role="alert">Some filters were not understood and are left out: see the fields marked above.</p>}
      {cursorRefused && <CursorRefused start={params({ cursor: null })} />}
      <section aria-labelledby="register-heading">
        <div className="section-head">
          <h2 id="register-heading">
            Register <span className="count">{page.total}</span>
          </h2>
          {cell && (
            <p>
              Cell {cell} ({assessment}) · <Link prefetch={false} href={params({ cell: null, cursor: null })}>Clear the cell</Link>
            </p>
          )}
        </div>
        {page.risks.length > 0 ? (
          <RiskTable risks={page.risks} timeZone={settings.timeZone} caption="Risks, by score, worst first" />
        ) : filtered ? (
          <EmptyState title="No risks match these filters" action={<Link prefetch={false} className="btn btn-secondary" href="/risks">Clear filters</Link>}>
            Pick another cell, level or service.
          </EmptyState>
        ) : (
          <EmptyState title="No risks in the register yet" action={newRisk}>
            Write down what could take a service down: a cause, the event, its consequence, and how likely and how bad it is.
            {!canEdit && " Ask an editor to add the first one."}
          </EmptyState>
        )}
        {page.nextCursor && (
          <div className="button-row">
            <Link prefetch={false} className="btn btn-secondary" href={params({ cursor: page.nextCursor })}>More risks</Link>
          </div>
        )}
      </section>
      <Suspense fallback={<WidgetSkeleton label="Ranking risks by bad minutes" rows={4} />}>
        <StackSection scope={scope} threshold={settings.riskThreshold} page={stackPage} pageHref={(n) => `${params({ stack: n > 1 ? String(n) : null, ...(cursor ? { cursor } : {}) })}#stack-heading`} />
      </Suspense>
    </>
  );
}
