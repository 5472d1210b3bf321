import type { Metadata } from "next";
import Link from "next/link";
import { AuditFeed } from "@/components/audit/audit-feed";
import { AuditFilter, type AuditFilterValues } from "@/components/audit/audit-filter";
import { CursorRefused } from "@/components/feedback/cursor-refused";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import { formatCount } from "@/components/format";
import { auditActors, auditEntityTypes, listAuditEvents } from "@/lib/server/audit";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { readFromCursor } from "@/lib/server/cursor-page";
import { ValidationError } from "@/lib/server/errors";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Audit trail" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
type Filters = { entityType?: string; actor?: string; entity?: string };

/**
 * The page's filters, checked by the server as the API checks them: an actor or entity that names
 * nothing is said beside its field and left out, so the rest of the page still answers.
 */
async function readEvents(filters: Filters, cursor: string) {
  const errors: Partial<Record<keyof AuditFilterValues, string>> = {};
  const applied = { ...filters };
  for (;;) {
    try {
      const read = await readFromCursor(cursor, (c) => listAuditEvents({ ...applied, ...(c ? { cursor: c } : {}) }));
      return { ...read, errors, applied };
    } catch (err) {
      const issue = err instanceof ValidationError ? err.issues?.find((i) => i.path === "actor" || i.path === "entity") : undefined;
      if (!issue || errors[issue.path as keyof AuditFilterValues]) throw err;
      errors[issue.path as keyof AuditFilterValues] = issue.message;
      delete applied[issue.path as "actor" | "entity"];
    }
  }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor();
  const sp = await searchParams;
  const [types, actors] = await Promise.all([auditEntityTypes(), auditActors()]);
  // An unknown type is ignored (the URL is user-editable); an unknown cursor is said, see below.
  const values: AuditFilterValues = { entityType: types.includes(one(sp.entityType)) ? one(sp.entityType) : "", actor: one(sp.actor), entity: one(sp.entity) };
  const filters: Filters = Object.fromEntries(Object.entries(values).filter(([, v]) => v));
  const given = one(sp.cursor);
  const [{ page, cursorRefused, errors, applied }, settings] = await Promise.all([readEvents(filters, given), getSettings()]);
  const cursor = cursorRefused ? "" : given;
  const query = new URLSearchParams(Object.entries(applied) as [string, string][]).toString();
  const newest = query ? `/settings/audit?${query}` : "/settings/audit";
  const describe = [applied.actor && ` by ${applied.actor}`, applied.entity && ` on ${applied.entity}`, applied.entityType && ` of type ${applied.entityType}`].filter(Boolean).join("");
  const filtered = Object.keys(applied).length > 0;

  return (
    <>
      <PageHeader title="Audit trail" description="Every change made in Nines: who, what, when, and the fields before and after." crumbs={[{ href: "/settings", label: "Settings" }]} />
      <SettingsNav current="audit" isAdmin />
      <FiltersDisclosure active={Object.keys(applied).length} startOpen={Object.keys(errors).length > 0}>
        <AuditFilter types={types} actors={actors} values={values} errors={errors} />
      </FiltersDisclosure>
      {Object.keys(errors).length > 0 && <p className="alert alert-warning" role="alert">Some filters name nothing in the trail and are left out: see the fields marked above.</p>}
      {cursorRefused && <CursorRefused start={newest} />}
      <div className="section-head">
        <p className="muted">
          {formatCount(page.total)} event{page.total === 1 ? "" : "s"}{describe || " in all"}
          {filtered && <> · <Link prefetch={false} href="/settings/audit">Clear filters</Link></>}
        </p>
        {cursor && <Link prefetch={false} href={newest}>Back to the newest events</Link>}
      </div>
      {page.events.length === 0 ? (
        filtered ? (
          <EmptyState title="No events match these filters" action={<Link className="btn btn-secondary" href="/settings/audit">Clear filters</Link>}>Try another actor or entity, or all entity types.</EmptyState>
        ) : (
          <EmptyState title="No audit events yet">Changes to tiers, services, users, tokens and settings appear here as they happen.</EmptyState>
        )
      ) : (
        <AuditFeed key={`${query}:${cursor}`} filters={applied} describe={describe} firstPage={page} cursor={cursor || null} timeZone={settings.timeZone} />
      )}
    </>
  );
}
