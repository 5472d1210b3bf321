import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { NoServicesYet } from "@/components/services/no-services-yet";
import { ServiceFilters } from "@/components/services/service-filters";
import { ServicesTable } from "@/components/services/services-table";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { listServices } from "@/lib/server/services";
import { listTiers } from "@/lib/server/tiers";
import { PlainString, TierFilter } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Services" };

type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function href(params: { tier: string; q: string; archived: boolean }): string {
  const sp = new URLSearchParams();
  if (params.tier) sp.set("tier", params.tier);
  if (params.q) sp.set("q", params.q);
  if (params.archived) sp.set("archived", "true");
  const qs = sp.toString();
  return qs ? `/services?${qs}` : "/services";
}

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  // Malformed filters are ignored rather than failing the page: the URL is user-editable.
  // The same schema as the API, field by field, so one bad parameter drops only itself.
  const tierFilter = TierFilter.safeParse(one(sp.tier));
  const tier = tierFilter.success && "rank" in tierFilter.data ? one(sp.tier) : "";
  // Not cut to a length: a search longer than any name or slug matches nothing, and says so.
  const query = PlainString().safeParse(one(sp.q));
  const q = query.success ? query.data : "";
  const archived = one(sp.archived) === "true";
  const [services, tiers] = await Promise.all([
    listServices({ ...(tier && tierFilter.success ? { tier: tierFilter.data } : {}), ...(q ? { q } : {}), archived }),
    listTiers(),
  ]);
  const canEdit = roleAllows(actor.role, "editor");
  const filtered = Boolean(tier || q);
  const tierName = tiers.find((t) => String(t.rank) === tier)?.name;

  return (
    <>
      <PageHeader
        title="Services"
        description="Everything your users depend on, with the SLO each one is held to."
        actions={canEdit ? <Link className="btn btn-primary" href="/services/new">New service</Link> : undefined}
      />
      <FiltersDisclosure active={[tier, q].filter(Boolean).length}>
        <ServiceFilters tiers={tiers.map((t) => ({ rank: t.rank, name: t.name }))} tier={tier} q={q} archived={archived} />
      </FiltersDisclosure>
      <div className="section-head">
        <nav aria-label="Active or archived" className="segmented">
          <Link href={href({ tier, q, archived: false })} aria-current={archived ? undefined : "page"}>
            Active
          </Link>
          <Link href={href({ tier, q, archived: true })} aria-current={archived ? "page" : undefined}>
            Archived
          </Link>
        </nav>
        <p className="muted" role="status">
          {services.length} {archived ? "archived " : ""}service{services.length === 1 ? "" : "s"}
          {tierName ? ` in Tier ${tier} · ${tierName}` : ""}
          {q ? ` matching “${q}”` : ""}
        </p>
      </div>
      {services.length > 0 ? (
        <ServicesTable services={services} caption={archived ? "Archived services" : "Active services"} />
      ) : filtered ? (
        <EmptyState title="No services match these filters" action={<Link className="btn btn-secondary" href={href({ tier: "", q: "", archived })}>Clear filters</Link>}>
          Try another tier or a shorter search; the search looks at names and slugs.
        </EmptyState>
      ) : archived ? (
        <EmptyState title="No archived services">
          Archiving a service hides it from lists and reviews while keeping its history. Archived services show up here.
        </EmptyState>
      ) : (
        <NoServicesYet canEdit={canEdit} />
      )}
    </>
  );
}
