import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/feedback/page-header";
import { formatPercent } from "@/components/format";
import { OrgTime } from "@/components/org-time";
import { SettingsNav } from "@/components/settings/settings-nav";
import { IncidentRolesForm } from "@/components/settings/incident-roles-form";
import { ProbeSettingsForm } from "@/components/settings/probe-settings-form";
import { roleLabel } from "@/lib/domain/incident-roles";
import { RiskSettingsForm } from "@/components/settings/risk-settings-form";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Settings" };

function timeZones(): string[] {
  // Node's list omits the "UTC" alias on some ICU builds; it is the default, so always offer it.
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

const LINKS = [
  { href: "/settings/tiers", title: "Tiers", text: "Criticality classes and their default SLO targets.", adminOnly: false },
  { href: "/settings/users", title: "Users", text: "Invite people, change roles, disable accounts.", adminOnly: true },
  { href: "/settings/sign-in", title: "Sign-in", text: "OpenID Connect and local passwords.", adminOnly: true },
  { href: "/settings/tokens", title: "API tokens", text: "Tokens for scripts and integrations.", adminOnly: true },
  { href: "/settings/audit", title: "Audit trail", text: "Who changed what, and when.", adminOnly: true },
  { href: "/settings/integrations", title: "Integrations", text: "Alertmanager, PagerDuty and Prometheus.", adminOnly: true },
  { href: "/api-docs", title: "API reference", text: "Every route of the JSON API (OpenAPI 3.1).", adminOnly: false },
];

export default async function SettingsPage() {
  const actor = await requirePageActor();
  const settings = await getSettings();
  const isAdmin = roleAllows(actor.role, "admin");

  return (
    <>
      <PageHeader title="Settings" description="Organisation-wide settings for Nines." />
      <SettingsNav current="general" isAdmin={isAdmin} />
      <section className="card">
        <h2 id="tz-heading">Time zone</h2>
        {isAdmin ? (
          <TimeZoneForm current={settings.timeZone} version={settings.version} zones={timeZones()} />
        ) : (
          <dl className="props">
            <dt>Time zone</dt>
            <dd>
              <strong>{settings.timeZone}</strong>
              <span className="inherited">Calendar windows are cut in this zone and all times are shown in it. Only admins can change it.</span>
            </dd>
          </dl>
        )}
        <p className="muted" style={{ marginTop: "0.75rem" }}>
          Last changed <OrgTime iso={settings.updatedAt} timeZone={settings.timeZone} showZone />
        </p>
      </section>
      <section className="card" aria-labelledby="risk-settings-heading">
        <h2 id="risk-settings-heading">Risks</h2>
        {isAdmin ? (
          <RiskSettingsForm settings={settings} />
        ) : (
          <dl className="props">
            <dt>Unacceptable above</dt>
            <dd>{formatPercent(settings.riskThreshold)} of a service&apos;s yearly error budget</dd>
            <dt>Review cadence</dt>
            <dd>
              CRITICAL every {settings.riskReviewCadence.CRITICAL} days, HIGH {settings.riskReviewCadence.HIGH}, MEDIUM {settings.riskReviewCadence.MEDIUM}, LOW {settings.riskReviewCadence.LOW}
              <span className="inherited">Only admins can change these.</span>
            </dd>
          </dl>
        )}
      </section>
      <section className="card" aria-labelledby="incident-roles-heading">
        <h2 id="incident-roles-heading">Incident roles</h2>
        <p className="muted">The parts people take while an incident runs (not what their account may do). Each is held by a Nines user or by a name typed for someone without an account.</p>
        {isAdmin ? (
          <IncidentRolesForm settings={settings} />
        ) : (
          <p>
            {settings.incidentRoles.length ? settings.incidentRoles.map(roleLabel).join(", ") : "No roles are listed."} Only admins can change these.
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="probe-settings-heading">
        <h2 id="probe-settings-heading">Probes</h2>
        <p className="muted">A probe&apos;s runs are kept for a short time; each closed hour of them is kept for long, with what every figure of the probe needs: its SLOs, its uptime and the reconcile view read the hours, and the runs only for the hour still open and the edges of a window.</p>
        {isAdmin ? (
          <ProbeSettingsForm settings={settings} />
        ) : (
          <p>
            Probe runs are kept for {settings.probeRetentionDays} days, their hours for {settings.probeHourRetentionDays} days. Only admins can change these.
          </p>
        )}
      </section>
      <section aria-labelledby="more-heading">
        <h2 id="more-heading" className="visually-hidden">More settings</h2>
        <div className="card-grid">
          {LINKS.filter((l) => isAdmin || !l.adminOnly).map((l) => (
            <Link key={l.href} href={l.href} className="card stat">
              <span className="stat-label">{l.title}</span>
              <span className="stat-meta">{l.text}</span>
            </Link>
          ))}
        </div>
      </section>
    </>
  );
}
