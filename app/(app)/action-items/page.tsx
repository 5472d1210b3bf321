import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { DueText } from "@/components/incidents/due-text";
import type { ActionItemDto } from "@/lib/query/types";
import { listActionItems } from "@/lib/server/action-items";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Action items" };

/** Open follow-up work across incidents and risks, by owner, overdue first within each. */
export default async function ActionItemsPage() {
  await requirePageActor();
  const { actionItems } = await listActionItems({ status: ["open"], limit: 200 });
  const byOwner = new Map<string, ActionItemDto[]>();
  for (const item of actionItems) byOwner.set(item.owner || "", [...(byOwner.get(item.owner || "") ?? []), item]);
  // Owners with overdue work first, then by name; "no owner" last.
  const owners = [...byOwner.keys()].sort((a, b) => {
    const late = (o: string) => (byOwner.get(o) ?? []).some((i) => i.overdue);
    if (late(a) !== late(b)) return late(a) ? -1 : 1;
    if (!a || !b) return a ? -1 : 1;
    return a.localeCompare(b);
  });
  const overdue = actionItems.filter((i) => i.overdue).length;

  return (
    <>
      <PageHeader title="Action items" description="Open follow-up work from incidents and risks, by owner; overdue first." />
      {actionItems.length > 0 && (
        <p role="status" className="muted">
          {actionItems.length} open{overdue > 0 && <>, <strong className="text-danger">{overdue} overdue</strong></>}
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
                      <td>
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
    </>
  );
}
