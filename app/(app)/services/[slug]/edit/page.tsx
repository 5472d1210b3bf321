import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/feedback/page-header";
import type { DependencyOption } from "@/components/services/dependency-picker";
import { ServiceArchiveControl } from "@/components/services/service-archive-control";
import { ServiceForm } from "@/components/services/service-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { NotFoundError } from "@/lib/server/errors";
import { getService, listServices } from "@/lib/server/services";
import { getSettings } from "@/lib/server/settings";
import { listTiers } from "@/lib/server/tiers";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Edit ${(await params).slug}` };
}

export default async function EditServicePage({ params }: Params) {
  const { slug } = await params;
  await requirePageActor();
  const [service, tiers, services, settings] = await Promise.all([
    getService(slug).catch((err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }),
    listTiers({ includeArchived: true }),
    listServices(),
    getSettings(),
  ]);
  // Offer active tiers, plus the current one even if archived, so the select shows the truth.
  const tierOptions = tiers.filter((t) => !t.archived || t.id === service.tier.id);
  // Active services except itself; keep current dependencies that have since been archived.
  const candidates: DependencyOption[] = services.filter((s) => s.slug !== slug).map((s) => ({ slug: s.slug, name: s.name }));
  for (const dep of service.dependsOn) {
    if (!candidates.some((c) => c.slug === dep)) candidates.push({ slug: dep, name: dep, archived: true });
  }

  return (
    <>
      <PageHeader
        title={`Edit ${service.name}`}
        crumbs={[
          { href: "/services", label: "Services" },
          { href: `/services/${slug}`, label: service.name },
        ]}
        actions={<Link className="btn btn-secondary" href={`/services/${slug}/probes`}>Manage probes</Link>}
      />
      <ServiceForm mode="edit" service={service} tiers={tierOptions} candidates={candidates} timeZone={settings.timeZone} />
      <ServiceArchiveControl slug={service.slug} name={service.name} archived={service.archived} version={service.version} />
    </>
  );
}
