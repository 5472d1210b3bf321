import type { Metadata } from "next";
import Link from "next/link";
import { AuditFeed } from "@/components/audit/audit-feed";
import { AuditFilter } from "@/components/audit/audit-filter";
import { CursorRefused } from "@/components/feedback/cursor-refused";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { auditEntityTypes, listAuditEvents } from "@/lib/server/audit";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { readFromCursor } from "@/lib/server/cursor-page";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Audit trail" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor();
  const sp = await searchParams;
  const types = await auditEntityTypes();
  // An unknown type is ignored (the URL is user-editable); an unknown cursor is said, see below.
  const entityType = types.includes(one(sp.entityType)) ? one(sp.entityType) : "";
  const given = one(sp.cursor);
  const [{ page, cursorRefused }, settings] = await Promise.all([
    readFromCursor(given, (c) => listAuditEvents({ ...(entityType ? { entityType } : {}), ...(c ? { cursor: c } : {}) })),
    getSettings(),
  ]);
  const cursor = cursorRefused ? "" : given;
  const newest = entityType ? `/settings/audit?entityType=${encodeURIComponent(entityType)}` : "/settings/audit";

  return (
    <>
      <PageHeader title="Audit trail" description="Every change made in Nines: who, what, when, and the fields before and after." crumbs={[{ href: "/settings", label: "Settings" }]} />
      <SettingsNav current="audit" isAdmin />
      <AuditFilter types={types} current={entityType} />
      {cursorRefused && <CursorRefused start={newest} />}
      {cursor && (
        <p style={{ marginBottom: "0.75rem" }}>
          <Link href={newest}>Back to the newest events</Link>
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
