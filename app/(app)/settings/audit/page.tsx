import type { Metadata } from "next";
import Link from "next/link";
import { AuditFeed } from "@/components/audit/audit-feed";
import { AuditFilter } from "@/components/audit/audit-filter";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { auditEntityTypes, listAuditEvents } from "@/lib/server/audit";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Audit trail" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor();
  const sp = await searchParams;
  const types = await auditEntityTypes();
  // Unknown values are ignored: the URL is user-editable and a bad cursor should not crash.
  const entityType = types.includes(one(sp.entityType)) ? one(sp.entityType) : "";
  const cursor = /^[\w-]{1,64}$/.test(one(sp.cursor)) ? one(sp.cursor) : "";
  const [page, settings] = await Promise.all([
    listAuditEvents({ ...(entityType ? { entityType } : {}), ...(cursor ? { cursor } : {}) }).catch(() =>
      listAuditEvents(entityType ? { entityType } : {}),
    ),
    getSettings(),
  ]);

  return (
    <>
      <PageHeader title="Audit trail" description="Every change made in Nines: who, what, when, and the fields before and after." crumbs={[{ href: "/settings", label: "Settings" }]} />
      <SettingsNav current="audit" isAdmin />
      <AuditFilter types={types} current={entityType} />
      {cursor && (
        <p style={{ marginBottom: "0.75rem" }}>
          <Link href={entityType ? `/settings/audit?entityType=${encodeURIComponent(entityType)}` : "/settings/audit"}>Back to the newest events</Link>
        </p>
      )}
      {page.events.length === 0 ? (
        <EmptyState title="No audit events yet">Changes to tiers, services, users, tokens and settings appear here as they happen.</EmptyState>
      ) : (
        <AuditFeed
          key={`${entityType}:${cursor}`}
          {...(entityType ? { entityType } : {})}
          firstPage={page}
          cursor={cursor || null}
          timeZone={settings.timeZone}
        />
      )}
    </>
  );
}
