import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { ChannelActions } from "@/components/notifications/channel-actions";
import { ChannelEdit } from "@/components/notifications/channel-edit";
import { OrgTime } from "@/components/org-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { DeliveryDto } from "@/lib/dto/notifications";
import { DeliveryListQuery } from "@/lib/schemas/notification";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { readFromCursor } from "@/lib/server/cursor-page";
import { parse } from "@/lib/server/http";
import { getChannel } from "@/lib/server/notification-channels";
import { listDeliveries } from "@/lib/server/notification-deliveries";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Notification channel" };

const STATES: Record<DeliveryDto["status"], { label: string; badge: string }> = {
  delivered: { label: "Delivered", badge: "badge-success" },
  pending: { label: "Waiting", badge: "badge-warning" },
  failed: { label: "Failed", badge: "badge-danger" },
};
const TYPE_LABELS = { webhook: "Webhook", slack: "Slack webhook", email: "Email" } as const;
const FILTERS = [
  { status: undefined, label: "All" },
  { status: "pending", label: "Waiting" },
  { status: "failed", label: "Failed" },
  { status: "delivered", label: "Delivered" },
] as const;

/** One channel: change it, test it, and its delivery log with every attempt (last 30 days). */
export default async function ChannelPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  await requirePageActor();
  const { id } = await params;
  const query = parse(DeliveryListQuery, { ...(await searchParams) });
  const [channel, settings] = await Promise.all([getChannel(id), getSettings()]);
  const { page, cursorRefused } = await readFromCursor(query.cursor ?? "", (cursor) => listDeliveries(id, { status: query.status, cursor, limit: 50 }));
  const tz = settings.timeZone;
  const link = (over: Record<string, string | undefined>) => {
    const all: Record<string, string | undefined> = { status: query.status, ...over };
    const q = new URLSearchParams(Object.entries(all).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])));
    return `/settings/notifications/${id}${q.size ? `?${q}` : ""}`;
  };
  return (
    <>
      <PageHeader title={channel.name} description={`${TYPE_LABELS[channel.type]} ${channel.type === "email" ? `to ${channel.to.join(", ")}` : `to ${channel.url ?? ""}`} · ${channel.audience === "public" ? "public: only public titles and updates" : "internal: the team's view"}`} crumbs={[{ href: "/settings", label: "Settings" }, { href: "/settings/notifications", label: "Notifications" }]} />
      <section className="card stack" aria-labelledby="channel-heading">
        <h2 id="channel-heading">Channel</h2>
        <ChannelActions id={channel.id} name={channel.name} />
        <ChannelEdit channel={channel} />
      </section>
      <section className="card stack" aria-labelledby="log-heading">
        <h2 id="log-heading">Delivery log</h2>
        <p className="muted">
          Last 30 days: {channel.delivered} delivered, {channel.pending} waiting, {channel.failed} failed. A message that cannot be delivered is tried again after 5 s, then less and less often, for 24 hours.
        </p>
        <nav aria-label="Deliveries by state" className="segmented">
          {FILTERS.map((f) => (
            <Link key={f.label} href={link({ status: f.status, cursor: undefined })} aria-current={query.status === f.status ? "page" : undefined}>
              {f.label}
            </Link>
          ))}
        </nav>
        {cursorRefused && <p className="alert alert-warning">That page of the log no longer exists; this is the newest page.</p>}
        {page.total === 0 ? (
          <EmptyState title={query.status ? "No deliveries in this state" : "Nothing sent yet"}>{query.status ? "Choose All to see every delivery." : "Send a test above, or add a subscription that routes events here."}</EmptyState>
        ) : (
          <TableScroll label="Delivery log">
            <table className="table table-stacked">
              <caption className="visually-hidden">Deliveries to {channel.name}, newest first, with each attempt</caption>
              <thead>
                <tr>
                  <th scope="col">Message</th>
                  <th scope="col">Written ({tz})</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                </tr>
              </thead>
              <tbody>
                {page.deliveries.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" className="cell-title">
                      {d.title}
                      <span className="inherited">
                        {d.event} · key <code>{d.id}</code>
                      </span>
                    </th>
                    <td className="nowrap" data-label={`Written (${tz})`}>
                      <OrgTime iso={d.createdAt} timeZone={tz} />
                    </td>
                    <td data-label="State">
                      <span className={`badge ${STATES[d.status].badge}`}>{STATES[d.status].label}</span>
                      {d.nextAttemptAt && (
                        <span className="inherited">
                          next try <OrgTime iso={d.nextAttemptAt} timeZone={tz} />
                        </span>
                      )}
                      {d.status !== "delivered" && d.lastError && <span className="inherited text-warning">{d.lastError}</span>}
                    </td>
                    <td data-label="Attempts">
                      <ol className="attempts">
                        {d.log.map((a) => (
                          <li key={a.at}>
                            <OrgTime iso={a.at} timeZone={tz} /> {a.ok ? "✓ taken" : `✗ ${a.error ?? "refused"}`}
                            {a.status !== null && ` (${a.status})`} · {a.durationMs} ms
                          </li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p className="muted">
          {page.deliveries.length} of {page.total} shown{page.nextCursor && <> · <Link href={link({ cursor: page.nextCursor })}>Older</Link></>}
        </p>
      </section>
    </>
  );
}
