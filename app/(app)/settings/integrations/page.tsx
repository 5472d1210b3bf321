import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/feedback/page-header";
import { IntegrationsForm, MetricsPublicForm } from "@/components/settings/integrations-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getIntegrations } from "@/lib/server/integrations";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Integrations" };

/** Where Nines meets the monitoring stack: the receivers to configure, and their settings (admin). */
export default async function IntegrationsPage() {
  await requirePageActor();
  const [integrations, settings, h] = await Promise.all([getIntegrations(), getSettings(), headers()]);
  const base = process.env.NEXTAUTH_URL ?? `http://${h.get("host") ?? "localhost:3000"}`;
  return (
    <>
      <PageHeader title="Integrations" description="Alerts open incidents; figures flow out to Prometheus." />
      <SettingsNav current="integrations" isAdmin />
      <section className="card" aria-labelledby="receivers-heading">
        <h2 id="receivers-heading">Receivers</h2>
        <dl className="props">
          <dt>Alertmanager</dt>
          <dd>
            <code>{base}/api/v1/integrations/alertmanager</code>
            <span className="inherited">A webhook receiver with an editor&apos;s API token as its <code>authorization</code> credentials (Settings → API tokens).</span>
          </dd>
          <dt>PagerDuty</dt>
          <dd>
            <code>{base}/api/v1/integrations/pagerduty</code>
            <span className="inherited">A v3 webhook subscription for incident events; paste its signing secret below.</span>
          </dd>
          <dt>Prometheus</dt>
          <dd>
            <code>{base}/metrics</code>
            <span className="inherited">{settings.metricsPublic ? "Served without a token." : "Scrape with an API token as bearer_token."}</span>
          </dd>
        </dl>
        <MetricsPublicForm metricsPublic={settings.metricsPublic} version={settings.version} />
      </section>
      <section className="card" aria-labelledby="integration-settings-heading">
        <h2 id="integration-settings-heading">Settings</h2>
        <IntegrationsForm integrations={integrations} />
      </section>
    </>
  );
}
