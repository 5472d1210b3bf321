import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/feedback/page-header";
import { TierArchiveControl } from "@/components/tiers/tier-archive-control";
import { TierForm } from "@/components/tiers/tier-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { NotFoundError } from "@/lib/server/errors";
import { getTier } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "Edit tier" };

export default async function EditTierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageActor();
  const tier = await getTier(id).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <>
      <PageHeader
        title={`Edit Tier ${tier.rank} · ${tier.name}`}
        description="Changes apply to every service that inherits from this tier."
        crumbs={[
          { href: "/settings", label: "Settings" },
          { href: "/settings/tiers", label: "Tiers" },
        ]}
      />
      <section className="card">
        <TierForm tier={tier} />
      </section>
      <TierArchiveControl tier={tier} />
    </>
  );
}
