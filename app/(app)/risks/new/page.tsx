import type { Metadata } from "next";
import { PageHeader } from "@/components/feedback/page-header";
import { RiskForm } from "@/components/risks/risk-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { listServiceOptions } from "@/lib/server/services";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "New risk" };

type Search = Record<string, string | string[] | undefined>;

/** /risks/new, or /risks/new?service=checkout from a service page. */
export default async function NewRiskPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageActor();
  const [sp, services, settings] = await Promise.all([searchParams, listServiceOptions(), getSettings()]);
  const wanted = typeof sp.service === "string" ? sp.service : "";
  return (
    <>
      <PageHeader
        title="New risk"
        description="What could go wrong, how likely and how bad it is now, and where mitigation should bring it. Each assessment is a cell of the 5×5 risk matrix, likelihood by consequence, which gives its score (1–25) and level, as on the Risks page."
        crumbs={[{ href: "/risks", label: "Risks" }]}
      />
      <RiskForm mode="create" services={services} timeZone={settings.timeZone} defaultService={services.some((s) => s.slug === wanted) ? wanted : ""} />
    </>
  );
}
