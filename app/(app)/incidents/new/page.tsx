import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { DeclareForm } from "@/components/incidents/declare-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { listServiceOptions } from "@/lib/server/services";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Declare incident" };

type Search = Record<string, string | string[] | undefined>;

/** /incidents/new, or /incidents/new?service=checkout from a service's page (that service filled in). */
export default async function DeclareIncidentPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageActor();
  const [sp, services, settings] = await Promise.all([searchParams, listServiceOptions(), getSettings()]);
  const wanted = typeof sp.service === "string" ? sp.service : undefined;
  return (
    <>
      <PageHeader title="Declare incident" crumbs={[{ href: "/incidents", label: "Incidents" }]} />
      {services.length === 0 ? (
        <EmptyState title="No services to declare an incident on" action={<Link className="btn btn-primary" href="/services/new">Add a service</Link>}>
          An incident says which services it hits. Add the services your users depend on first.
        </EmptyState>
      ) : (
        <DeclareForm services={services} timeZone={settings.timeZone} service={wanted} />
      )}
    </>
  );
}
