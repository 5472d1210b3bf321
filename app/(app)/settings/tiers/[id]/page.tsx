import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/feedback/page-header";
import { TierArchiveControl } from "@/components/tiers/tier-archive-control";
import { TierForm } from "@/components/tiers/tier-form";
import { TierPolicyForm } from "@/components/policy/tier-policy-form";
import { getTierPolicy } from "@/lib/server/budget-policy";
import { roleAllows } from "@/lib/server/auth/roles";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { NotFoundError } from "@/lib/server/errors";
import { getTier } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "Edit tier" };

export default async function EditTierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const tier = await getTier(id).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const policy = await getTierPolicy(id);
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
      <section className="card" aria-labelledby="tier-policy-heading">
        <h2 id="tier-policy-heading">Error-budget policy</h2>
        <p className="muted">
          What this tier&apos;s services do as their budgets run down{policy.isDefault ? " (Nines' default, the SRE workbook's example)" : ""}. An admin can override any of it for one service, on that service&apos;s page (or with <code>PATCH /api/v1/services/&#123;slug&#125;/budget-policy</code>).
        </p>
        {roleAllows(actor.role, "admin") ? <TierPolicyForm tier={policy} /> : <p className="muted">Only admins change policies.</p>}
      </section>
      <TierArchiveControl tier={tier} />
    </>
  );
}
