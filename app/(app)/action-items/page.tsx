import type { Metadata } from "next";
import Link from "next/link";
import { ActionItemFilters } from "@/components/action-items/action-item-filters";
import { ActionItemRow } from "@/components/action-items/action-item-row";
import { NewActionItem } from "@/components/action-items/new-action-item";
import { CursorRefused } from "@/components/feedback/cursor-refused";
import { EmptyState } from "@/components/feedback/empty-state";
import { formatCount } from "@/components/format";
import { PageHeader } from "@/components/feedback/page-header";
import { DUE_FILTERS, dueFilterQuery, todayIn, type DueFilter } from "@/lib/domain/action-items";
import type { ActionItemDto } from "@/lib/query/types";
import { actionItemOwners, countActionItems, listActionItems } from "@/lib/server/action-items";
import { organisationTimeZone } from "@/lib/server/availability-data";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { readFromCursor } from "@/lib/server/cursor-page";
import { requestTime } from "@/lib/server/request-time";
import { listServiceOptions } from "@/lib/server/services";

export const metadata: Metadata = { title: "Action items" };

// Items per page: each page is grouped by owner; the counts above it are of every match.
const PER_PAGE = 200;
const TABS = [
  { status: "open", label: "Open" },
  { status: "done", label: "Done" },
  { status: "wont_do", label: "Won't do" },
  { status: "all", label: "All" },
] as const;
type Tab = (typeof TABS)[number]["status"];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/** Follow-up work across incidents and risks: by status, owner, service and due date, changed in place. */
export default async function ActionItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const canEdit = roleAllows(actor.role, "editor");
  const sp = await searchParams;
  const [services, owners, timeZone] = await Promise.all([listServiceOptions(), actionItemOwners(), organisationTimeZone()]);
  const errors: Record<string, string> = {};
  const tab: Tab = TABS.find((t) => t.status === one(sp.status))?.status ?? "open";
  const owner = one(sp.owner).slice(0, 120);
  const wantedService = one(sp.service);
  const service = services.some((s) => s.slug === wantedService) ? wantedService : "";
  if (wantedService && !service) errors.service = `No service has the slug '${wantedService}'`;
  const wantedDue = one(sp.due);
  const due = (DUE_FILTERS as readonly string[]).includes(wantedDue) ? (wantedDue as DueFilter) : null;
  if (wantedDue && !due) errors.due = "Choose one of the due dates offered";
  // The tabs' counts follow the other filters: "Done 12" is of this owner's, service's, due date's.
  const narrowed = {
    ...(owner ? { owner } : {}),
    ...(service ? { service } : {}),
    ...(due ? dueFilterQuery(due, todayIn(timeZone, requestTime())) : {}),
  };
  const filter = { ...(tab === "all" ? {} : { status: [tab] }), ...narrowed };
  const cursor = one(sp.cursor);
  const [{ page, cursorRefused }, openCount, doneCount, wontCount, allCount, overdue] = await Promise.all([
    readFromCursor(cursor, (c) => listActionItems({ ...filter, limit: PER_PAGE, ...(c ? { cursor: c } : {}) })),
    countActionItems({ ...narrowed, status: ["open"] }),
    countActionItems({ ...narrowed, status: ["done"] }),
    countActionItems({ ...narrowed, status: ["wont_do"] }),
    countActionItems(narrowed),
    countActionItems({ ...narrowed, overdue: true }),
  ]);
  const { actionItems, total } = page;
  const filtered = Boolean(owner || service || due);
  const paged = Boolean(cursor) && !cursorRefused;
  const byOwner = new Map<string, ActionItemDto[]>();
  for (const item of actionItems) byOwner.set(item.owner || "", [...(byOwner.get(item.owner || "") ?? []), item]);
  // Owners with overdue work first, then by name; "no owner" last.
  const ownersShown = [...byOwner.keys()].sort((a, b) => {
    const late = (o: string) => (byOwner.get(o) ?? []).some((i) => i.overdue);
    if (late(a) !== late(b)) return late(a) ? -1 : 1;
    if (!a || !b) return a ? -1 : 1;
    return a.localeCompare(b);
  });
  const link = (changes: Record<string, string>) => {
    const q = new URLSearchParams({ ...(tab !== "open" ? { status: tab } : {}), ...(owner ? { owner } : {}), ...(service ? { service } : {}), ...(due ? { due } : {}), ...changes });
    for (const [k, v] of [...q.entries()]) if (!v) q.delete(k);
    return q.size ? `/action-items?${q}` : "/action-items";
  };
  const counted: Record<Tab, number> = { open: openCount, done: doneCount, wont_do: wontCount, all: allCount };

  return (
    <>
      <PageHeader title="Action items" description="Follow-up work from incidents and risks, by owner; overdue first. Change a status in place." />
      {cursorRefused && <CursorRefused start="/action-items" />}
      <nav aria-label="Status" className="segmented">
        {TABS.map((t) => (
          <Link key={t.status} href={link({ status: t.status === "open" ? "" : t.status, cursor: "" })} aria-current={tab === t.status ? "page" : undefined}>
            {t.label}<span className="count"> {formatCount(counted[t.status])}</span>
          </Link>
        ))}
      </nav>
      <ActionItemFilters values={{ status: tab, owner, service, due: due ?? "" }} owners={owners} services={services} errors={errors} />
      {canEdit && <NewActionItem timeZone={timeZone} />}
      {total > 0 && (
        <p role="status" className="muted">
          {tab === "open" ? (
            <>
              {formatCount(openCount)} open{filtered ? " matching the filters" : ""}{overdue > 0 && <>, <strong className="text-danger">{formatCount(overdue)} overdue</strong></>}
            </>
          ) : (
            <>{formatCount(total)} {total === 1 ? "item matches" : "items match"}</>
          )}
          {paged ? ` · showing ${formatCount(actionItems.length)} of the ${formatCount(total)}, due after the previous page's` : total > actionItems.length ? ` · showing the ${formatCount(actionItems.length)} due first of the ${formatCount(total)}` : ""}
        </p>
      )}
      {paged && (
        <p>
          <Link href={link({ cursor: "" })}>Back to the earliest due</Link>
        </p>
      )}
      {actionItems.length === 0 ? (
        filtered || tab !== "open" ? (
          <EmptyState title="No action items match" action={<Link className="btn btn-secondary" href="/action-items">Show every open item</Link>}>
            Try another owner, service or due date, or another status.
          </EmptyState>
        ) : (
          <EmptyState title="No open action items" action={<Link className="btn btn-secondary" href="/incidents">Go to incidents</Link>}>
            Add one above, or on an incident&apos;s page (or a risk&apos;s): what must change, who owns it and by when.
          </EmptyState>
        )
      ) : (
        ownersShown.map((o) => (
          <section key={o || "none"} aria-labelledby={`owner-${o || "none"}`}>
            <h2 id={`owner-${o || "none"}`} className="section-title">{o || "No owner yet"}</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Due</th>
                    <th scope="col">From</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {(byOwner.get(o) ?? []).map((item) => (
                    <ActionItemRow key={item.id} item={item} canEdit={canEdit} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
      {page.nextCursor && (
        <div className="button-row">
          <Link className="btn btn-secondary" href={link({ cursor: page.nextCursor })}>Next page: due later</Link>
        </div>
      )}
    </>
  );
}
