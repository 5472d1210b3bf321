import type { Metadata } from "next";
import { PageHeader } from "@/components/feedback/page-header";
import { StatusPageForm } from "@/components/notifications/status-page-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getStatusPageSettings } from "@/lib/server/status-page";

export const metadata: Metadata = { title: "Status page" };

/** The public status page's settings (admin). */
export default async function StatusPageSettingsPage() {
  await requirePageActor();
  const settings = await getStatusPageSettings();
  return (
    <>
      <PageHeader
        title="Status page"
        description="A public page of your components' state, 90 days of uptime and incidents under their public titles, with the updates marked public. People outside the team read it without signing in, also by Atom feed or JSON."
        crumbs={[{ href: "/settings", label: "Settings" }]}
      />
      <SettingsNav current="status-page" isAdmin />
      <section className="card stack" aria-labelledby="status-settings-heading">
        <h2 id="status-settings-heading">Settings</h2>
        {settings.enabled ? (
          <p>
            Published at <a href="/status">/status</a> (also <a href="/status.json">/status.json</a> and <a href="/status/feed.atom">/status/feed.atom</a>). Followed by {settings.subscribers.confirmed} subscriber{settings.subscribers.confirmed === 1 ? "" : "s"}
            {settings.subscribers.unconfirmed > 0 && `, and ${settings.subscribers.unconfirmed} email${settings.subscribers.unconfirmed === 1 ? "" : "s"} not confirmed yet`}.
          </p>
        ) : (
          <p className="muted">Off: /status answers “not found” until you publish it.</p>
        )}
        <StatusPageForm settings={settings} />
      </section>
    </>
  );
}
