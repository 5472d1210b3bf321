import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { ChannelActions, RemoveSubscription } from "@/components/notifications/channel-actions";
import { ChannelForm } from "@/components/notifications/channel-form";
import { SmtpForm } from "@/components/notifications/smtp-form";
import { SubscriptionForm } from "@/components/notifications/subscription-form";
import { OrgTime } from "@/components/org-time";
import { SettingsNav } from "@/components/settings/settings-nav";
import { TableScroll } from "@/components/ui/table-scroll";
import { isReportEvent, NOTIFICATION_EVENT_LABELS } from "@/lib/domain/notifications";
import type { SubscriptionDto } from "@/lib/dto/notifications";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getIntegrations } from "@/lib/server/integrations";
import { listChannels } from "@/lib/server/notification-channels";
import { getSettings } from "@/lib/server/settings";
import { listServices } from "@/lib/server/services";
import { listSubscriptions } from "@/lib/server/subscriptions";
import { listTiers } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "Notifications" };

const TYPE_LABELS = { webhook: "Webhook", slack: "Slack", email: "Email" } as const;

function filters(s: SubscriptionDto): string {
  // Reports only: the filter says whose reports (decision 0036), not which events pass.
  if (s.events.every(isReportEvent)) {
    const whose = [...s.tiers.map((t) => `tier ${t.rank} ${t.name}`), ...s.services.map((x) => x.name)];
    return whose.length ? `reports of ${whose.join(", ")}` : "the whole organisation's report";
  }
  const parts = [
    s.services.length ? `services ${s.services.map((x) => x.name).join(", ")}` : "every service",
    s.tiers.length ? `tiers ${s.tiers.map((t) => `${t.rank} ${t.name}`).join(", ")}` : null,
    s.severities.length ? s.severities.join(", ") : null,
    s.publicOnly ? "public updates only" : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

/** Where Nines tells people what happened: channels, what goes to them, and the email server (admin). */
export default async function NotificationsPage() {
  await requirePageActor();
  const [channels, subscriptions, integrations, settings, services, tiers] = await Promise.all([
    listChannels({ limit: 200 }),
    listSubscriptions({ limit: 200 }),
    getIntegrations(),
    getSettings(),
    listServices(),
    listTiers(),
  ]);
  const tz = settings.timeZone;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Nines tells people when incidents are declared, updated and resolved, when budgets burn or a service is frozen, when a review closes, and sends each month's, quarter's or year's report when it ends. Each message is kept until its channel takes it: a receiver that is down gets it when it is back (retries for 24 hours)."
        crumbs={[{ href: "/settings", label: "Settings" }]}
      />
      <SettingsNav current="notifications" isAdmin />
      <section className="card stack" aria-labelledby="channels-heading">
        <h2 id="channels-heading">Channels</h2>
        {channels.total === 0 ? (
          <EmptyState title="No channels yet">Add a webhook, a Slack incoming webhook or an email channel below; then choose what goes to it under Subscriptions.</EmptyState>
        ) : (
          <TableScroll label="Channels">
            <table className="table table-stacked">
              <caption className="visually-hidden">Notification channels and their deliveries of the last 30 days</caption>
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Last 30 days</th>
                  <th scope="col">Last delivered ({tz})</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {channels.channels.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="cell-title">
                      <Link href={`/settings/notifications/${c.id}`}>{c.name}</Link> <span className={`badge${c.audience === "public" ? " badge-warning" : ""}`}>{c.audience}</span>
                      <span className="inherited">
                        {TYPE_LABELS[c.type]} · {c.type === "email" ? c.to.join(", ") : <code>{c.url}</code>}
                      </span>
                    </th>
                    <td data-label="Last 30 days">
                      {c.delivered} delivered{c.pending > 0 && `, ${c.pending} waiting`}
                      {c.failed > 0 && (
                        <>
                          , <Link className="text-warning" href={`/settings/notifications/${c.id}?status=failed`}>{c.failed} failed</Link>
                        </>
                      )}
                      {c.lastError && <span className="inherited text-warning">Last error: {c.lastError}</span>}
                    </td>
                    <td className="nowrap" data-label={`Last delivered (${tz})`}>{c.lastDeliveredAt ? <OrgTime iso={c.lastDeliveredAt} timeZone={tz} /> : <span className="muted">never</span>}</td>
                    <td data-label="Actions">
                      <ChannelActions id={c.id} name={c.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {channels.total > channels.channels.length && <p className="muted">Showing {channels.channels.length} of {channels.total} channels.</p>}
        <h3>Add a channel</h3>
        <ChannelForm smtpSet={integrations.smtp !== null} />
      </section>
      <section className="card stack" aria-labelledby="subscriptions-heading">
        <h2 id="subscriptions-heading">Subscriptions</h2>
        {subscriptions.total === 0 ? (
          <EmptyState title="No subscriptions yet">{channels.total === 0 ? "Add a channel first; then choose which events go to it here." : "Choose which events go to which channels below: until then nothing is sent."}</EmptyState>
        ) : (
          <TableScroll label="Subscriptions">
            <table className="table table-stacked">
              <caption className="visually-hidden">Which events go to which channels</caption>
              <thead>
                <tr>
                  <th scope="col">Events</th>
                  <th scope="col">For</th>
                  <th scope="col">Channels</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.subscriptions.map((s) => (
                  <tr key={s.id}>
                    <td data-label="Events">{s.events.map((e) => NOTIFICATION_EVENT_LABELS[e]).join(", ")}</td>
                    <td data-label="For">{filters(s)}</td>
                    <td data-label="Channels">{s.channels.map((c) => c.name).join(", ")}</td>
                    <td data-label="Actions">
                      <RemoveSubscription id={s.id} what={`${s.events.join(", ")} to ${s.channels.map((c) => c.name).join(", ")}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {subscriptions.total > subscriptions.subscriptions.length && <p className="muted">Showing {subscriptions.subscriptions.length} of {subscriptions.total} subscriptions.</p>}
        {channels.total > 0 && (
          <>
            <h3>Add a subscription</h3>
            <SubscriptionForm channels={channels.channels.map((c) => ({ id: c.id, label: `${c.name} (${c.audience})` }))} services={services.map((x) => ({ slug: x.slug, name: x.name }))} tiers={tiers.map((t) => ({ id: t.id, label: `${t.rank} · ${t.name}` }))} />
          </>
        )}
      </section>
      <section className="card stack" aria-labelledby="smtp-heading">
        <h2 id="smtp-heading">Email server</h2>
        <p className="muted">Email channels send through this SMTP server.{integrations.smtp ? "" : " None is set yet."}</p>
        <SmtpForm integrations={integrations} />
      </section>
    </>
  );
}
