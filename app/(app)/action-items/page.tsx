import type { Metadata } from "next";
import Link from "next/link";
import { CursorRefused } from "@/components/feedback/cursor-refused";
import { EmptyState } from "@/components/feedback/empty-state";
import { formatCount } from "@/components/format";
import { PageHeader } from "@/components/feedback/page-header";
import { DueText } from "@/components/incidents/due-text";
import type { ActionItemDto } from "@/lib/query/types";
import { countActionItems, listActionItems } from "@/lib/server/action-items";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { readFromCursor } from "@/lib/server/cursor-page";

export const metadata: Metadata = { title: "Action items" };

// Items per page: each page is grouped by owner; the counts above it are of every open item.
const PER_PAGE = 200;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/** Open follow-up work across incidents and risks, by owner, overdue first within each. */
export default async function ActionItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor();
  const cursor = one((await searchParams).cursor);
  const [{ page, cursorRefused }, overdue] = await Promise.all([
    readFromCursor(cursor, (c) => listActionItems({ status: ["open"], limit: PER_PAGE, ...(c ? { cursor: c } : {}) })),
    countActionItems({ overdue: true }),
  ]);
  // Counted on the server: every open item, not the page's.
  const { actionItems, total: open } = page;
  const paged = Boolean(cursor) && !cursorRefused;
  const byOwner = new Map<string, ActionItemDto[]>();
  for (const item of actionItems) byOwner.set(item.owner || "", [...(byOwner.get(item.owner || "") ?? []), item]);
  // Owners with overdue work first, then by name; "no owner" last.
  const owners = [...byOwner.keys()].sort((a, b) => {
    const late = (o: string) => (byOwner.get(o) ?? []).some((i) => i.overdue);
    if (late(a) !== late(b)) return late(a) ? -1 : 1;
    if (!a || !b) return a ? -1 : 1;
    return a.localeCompare(b);
  });

  return (
    <>
      <PageHeader title="Action items" description="Open follow-up work from incidents and risks, by owner; overdue first." />
      {cursorRefused && <CursorRefused start="/action-items" />}
      {open > 0 && (
        <p role="status" className="muted">
          {formatCount(open)} open{overdue > 0 && <>, <strong className="text-danger">{formatCount(overdue)} overdue</strong></>}
          {paged ? ` · showing ${formatCount(actionItems.length)} of the ${formatCount(open)}, due after the previous page's` : open > actionItems.length ? ` · showing the ${formatCount(actionItems.length)} due first of the ${formatCount(open)}` : ""}
        </p>
      )}
      {paged && (
        <p>
          <Link href="/action-items">Back to the earliest due</Link>
        </p>
      )}
      {actionItems.length === 0 ? (
        <EmptyState title="No open action items" action={<Link className="btn btn-secondary" href="/incidents">Go to incidents</Link>}>
          Action items are added on an incident&apos;s page (or a risk&apos;s): what must change, who owns it and by when.
        </EmptyState>
      ) : (
        owners.map((owner) => (
          <section key={owner || "none"} aria-labelledby={`owner-${owner || "none"}`}>
            <h2 id={`owner-${owner || "none"}`} className="section-title">{owner || "No owner yet"}</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Due</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {(byOwner.get(owner) ?? []).map((item) => (
                    <tr key={item.id}>
                      <td className="cell-title">{item.title}</td>
                      <td className="nowrap"><DueText item={item} /></td>
                      <td className="cell-title">
                        {item.incident && <Link href={`/incidents/${item.incident.reference}`}>{item.incident.reference} · {item.incident.title}</Link>}
                        {item.risk && <Link href={`/risks/${item.risk.reference}`}>{item.risk.reference} · {item.risk.title}</Link>}
                        {!item.incident && !item.risk && <span className="muted">—</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
      {page.nextCursor && (
        <div className="button-row">
          <Link className="btn btn-secondary" href={`/action-items?cursor=${encodeURIComponent(page.nextCursor)}`}>Next page: due later</Link>
        </div>
      )}
    </>
  );
}
