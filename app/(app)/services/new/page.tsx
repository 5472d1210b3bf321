import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { ServiceForm } from "@/components/services/service-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { listServices } from "@/lib/server/services";
import { getSettings } from "@/lib/server/settings";
import { listTiers } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  const actor = await requirePageActor();
  const [tiers, services, settings] = await Promise.all([listTiers(), listServices(), getSettings()]);
  return (
    <>
      <PageHeader
        title="New service"
        description="Something your users depend on. It inherits its tier's SLO unless you set its own."
        crumbs={[{ href: "/services", label: "Services" }]}
      />
      {tiers.length === 0 ? (
        <EmptyState
          title="Create a tier first"
          action={roleAllows(actor.role, "admin") ? <Link className="btn btn-primary" href="/settings/tiers">Set up tiers</Link> : undefined}
        >
          Every service belongs to a tier, which gives it a default SLO target.{" "}
          {roleAllows(actor.role, "admin") ? "There are no active tiers yet." : "There are no active tiers yet; ask an admin to create one."}
        </EmptyState>
      ) : (
        <ServiceForm
          mode="create"
          timeZone={settings.timeZone}
          tiers={tiers}
          candidates={services.map((s) => ({ slug: s.slug, name: s.name }))}
        />
      )}
    </>
  );
}
