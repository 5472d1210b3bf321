import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/feedback/page-header";
import { RiskForm } from "@/components/risks/risk-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { NotFoundError } from "@/lib/server/errors";
import { getRiskDetail } from "@/lib/server/risk-detail";
import { listServiceOptions } from "@/lib/server/services";
import { getSettings } from "@/lib/server/settings";

type Params = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Edit ${decodeURIComponent((await params).ref).toUpperCase()}` };
}

export default async function EditRiskPage({ params }: Params) {
  await requirePageActor();
  const ref = decodeURIComponent((await params).ref);
  const [risk, services, settings] = await Promise.all([
    getRiskDetail(ref).catch((err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }),
    listServiceOptions(),
    getSettings(),
  ]);
  return (
    <>
      <PageHeader title={`Edit ${risk.reference}`} crumbs={[{ href: "/risks", label: "Risks" }, { href: `/risks/${risk.reference}`, label: risk.reference }]} />
      <RiskForm mode="edit" risk={risk} services={services} timeZone={settings.timeZone} />
    </>
  );
}
