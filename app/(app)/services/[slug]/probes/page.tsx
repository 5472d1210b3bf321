import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/feedback/page-header";
import { WidgetSkeleton } from "@/components/feedback/widget-skeleton";
import { formatDateTime } from "@/components/format";
import { ProbeControls } from "@/components/probes/probe-controls";
import { ProbeForm } from "@/components/probes/probe-form";
import { ProbeList } from "@/components/probes/probe-list";
import { ProbeHeartbeat } from "@/components/probes/probe-heartbeat";
import { LatencyChart } from "@/components/charts/latency-chart";
import { durationStats } from "@/lib/domain/incident-metrics";
import { ReconcilePanel } from "@/components/probes/reconcile-panel";
import { TableScroll } from "@/components/ui/table-scroll";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { NotFoundError } from "@/lib/server/errors";
import { listProbes, listRuns } from "@/lib/server/probes";
import { reconcileService } from "@/lib/server/reconcile";
import { getService } from "@/lib/server/services";
import { getSettings } from "@/lib/server/settings";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Probes of ${(await params).slug}` };
}

async function Reconcile({ slug, timeZone }: { slug: string; timeZone: string }) {
  const data = await reconcileService(slug, {});
  return (
    <section className="card" aria-labelledby="reconcile-heading">
      <h2 id="reconcile-heading">Probes against the incident record ({data.window.label})</h2>
      <ReconcilePanel data={data} timeZone={timeZone} />
    </section>
  );
}

/** Beats and latency points: as many recent runs as Uptime Kuma's bar shows. */
const CHART_RUNS = 50;
const TABLE_RUNS = 20;

async function RecentRuns({ id, url, timeZone }: { id: string; url: string; timeZone: string }) {
  const { runs: recent, total } = await listRuns(id, { limit: CHART_RUNS });
  if (recent.length === 0) return <p className="muted">No runs yet: the first is due now.</p>;
  const runs = recent.slice(0, TABLE_RUNS);
  // Median and p90 by the same rule as every duration Nines reports (lib/domain/incident-metrics.ts).
  const stats = durationStats(recent.map((r) => r.latencyMs / 1000));
  const ms = (s: number | null) => (s === null ? "—" : `${Math.round(s * 1000)} ms`);
  const latencyText = `Latency of the last ${recent.length} of ${total} runs: median ${ms(stats.medianSeconds)}, p90 ${ms(stats.p90Seconds)}, latest ${recent[0]?.latencyMs} ms.`;
  return (
    <>
    <div className="probe-charts">
      <ProbeHeartbeat runs={recent} timeZone={timeZone} />
      <figure>
        <figcaption className="chart-headline">{latencyText}</figcaption>
        <div role="img" aria-label={latencyText}>
          <LatencyChart runs={recent} timeZone={timeZone} />
        </div>
        <p className="chart-legend muted">Each run&apos;s latency, oldest on the left; a red ring is a failed run. Times in {timeZone}; the table below lists the latest {runs.length}.</p>
      </figure>
    </div>
    <TableScroll label={`Recent runs of ${url}`}>
      <table className="table">
        <caption className="visually-hidden">Recent runs of {url}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">At ({timeZone})</th>
            <th scope="col">Result</th>
            <th scope="col" className="num">Status</th>
            <th scope="col" className="num">Latency</th>
            <th scope="col" className="num">Late by</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{formatDateTime(r.at, timeZone)}:{r.at.slice(17, 19)}</td>
              <td>{r.ok ? "ok" : <strong className="text-danger">failed: {r.error ?? "status"}</strong>}</td>
              <td className="num">{r.status ?? "—"}</td>
              <td className="num">{r.latencyMs} ms</td>
              <td className="num">{r.lagMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
    </>
  );
}

/** /services/{slug}/probes: the service's synthetic checks, what they saw, and where they disagree with the incidents. */
export default async function ProbesPage({ params }: Params) {
  const { slug } = await params;
  const actor = await requirePageActor();
  const [service, probes, settings] = await Promise.all([
    getService(slug).catch((err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }),
    // Not found is the service's (answered above); any other failure is the error page's, never "No probes yet".
    listProbes(slug).catch((err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }),
    getSettings(),
  ]);
  const tz = settings.timeZone;
  const canEdit = roleAllows(actor.role, "editor");
  return (
    <>
      <PageHeader title={`Probes of ${service.name}`} description="HTTP checks Nines runs itself, from the users' side: failures open incidents, and the record is checked against what they saw." crumbs={[{ href: "/services", label: "Services" }, { href: `/services/${slug}`, label: service.name }]} />
      {probes.length === 0 ? (
        <EmptyState title="No probes yet">{canEdit ? "Add a check of a URL your users depend on: Nines runs it on schedule, opens an incident after a few failures in a row, and resolves it when it succeeds again." : "Ask an editor to add a check of a URL your users depend on."}</EmptyState>
      ) : (
        <ProbeList probes={probes} timeZone={tz} />
      )}
      <Suspense fallback={<WidgetSkeleton label="Comparing the probes with the incident record" rows={3} />}>
        <Reconcile slug={slug} timeZone={tz} />
      </Suspense>
      {probes.map((p) => (
        <section key={p.id} className="card" aria-label={`Runs of ${p.url}`}>
          <h2>
            <code>{p.url}</code>
          </h2>
          {canEdit && <ProbeControls probe={p} />}
          <Suspense fallback={<WidgetSkeleton label="Reading recent runs" rows={3} />}>
            <RecentRuns id={p.id} url={p.url} timeZone={tz} />
          </Suspense>
        </section>
      ))}
      {canEdit && (
        <section className="card" aria-labelledby="add-probe-heading">
          <h2 id="add-probe-heading">Add a probe</h2>
          <ProbeForm slug={slug} />
        </section>
      )}
    </>
  );
}
