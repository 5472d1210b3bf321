import { cache } from "react";
import { AvailabilityDetails, AvailabilityFigures } from "@/components/availability/availability-panel";
import { TrendPanel, type MeasuredChoice } from "@/components/availability/trend-panel";
import type { WindowPreset } from "@/components/availability/window-picker";
import { formatWindow } from "@/components/format";
import { calendarSpecContaining, formatWindowLabel } from "@/lib/domain/windows";
import type { AvailabilityView } from "@/lib/query/availability";
import { TREND_COUNTS } from "@/lib/query/availability-counts";
import { AvailabilityQuery, SeriesQuery } from "@/lib/schemas/availability";
import { serviceAvailability, serviceSeries } from "@/lib/server/availability";
import { incidentLane } from "@/lib/server/incident-lane";
import { changeLane } from "@/lib/server/change-lane";
import { listSlos } from "@/lib/server/slos";

// A service with more SLOs than this offers its oldest in the trend's list (the SLOs section lists all).
const MEASURED_CHOICES = 100;

// The service page's two data-bound sections, each rendered on the server for its first paint and
// streamed in its own Suspense boundary (page.tsx); their client parts then follow the URL.

/** One read per request, whichever section asks first (React's per-request cache). */
const summaryFor = cache((slug: string, window: string | null, asOf: string | null) =>
  serviceAvailability(slug, AvailabilityQuery.parse({ ...(window ? { window } : {}), ...(asOf ? { asOf } : {}) })),
);

/** The trend's buckets, its incident lane and its changes and freezes: one query, three reads side by side. */
const trendFor = cache((slug: string, bucket: AvailabilityView["bucket"], asOf: string | null) => {
  const q = SeriesQuery.parse({ bucket, count: String(TREND_COUNTS[bucket]), ...(asOf ? { asOf } : {}) });
  return Promise.all([serviceSeries(slug, q), incidentLane(slug, q), changeLane(slug, q)]);
});

/**
 * Starts the sections' reads at once, beside the page's own, instead of after them; the sections
 * then await the same promises. A failure is theirs to show (or the page's, for an unknown slug),
 * so it is not left unhandled here.
 */
export function preloadSections(slug: string, view: AvailabilityView): void {
  summaryFor(slug, view.window, view.asOf).catch(() => {});
  trendFor(slug, view.bucket, view.asOf).catch(() => {});
}

export async function FiguresSection({ slug, view, sloWindow, timeZone }: { slug: string; view: AvailabilityView; sloWindow: string; timeZone: string }) {
  const data = await summaryFor(slug, view.window, view.asOf);
  const at = Date.parse(data.asOf);
  const label = (unit: "week" | "month" | "quarter") => formatWindowLabel(calendarSpecContaining(unit, at, { timeZone }));
  const presets: WindowPreset[] = [
    { label: null, name: `SLO window (${formatWindow(sloWindow).toLowerCase()})` },
    { label: label("week"), name: "Week" },
    { label: label("month"), name: "Month" },
    { label: label("quarter"), name: "Quarter" },
    { label: "rolling:30d", name: "Last 30 days" },
  ];
  return <AvailabilityFigures slug={slug} timeZone={timeZone} presets={presets} initial={{ view, data }} />;
}

export async function DetailsSection({ slug, view, timeZone }: { slug: string; view: AvailabilityView; timeZone: string }) {
  const data = await summaryFor(slug, view.window, view.asOf);
  return <AvailabilityDetails slug={slug} timeZone={timeZone} initial={{ view, data }} />;
}

export async function TrendSection({ slug, view, timeZone }: { slug: string; view: AvailabilityView; timeZone: string }) {
  const [[series, lane, marks], { slos }] = await Promise.all([trendFor(slug, view.bucket, view.asOf), listSlos(slug, { limit: MEASURED_CHOICES })]);
  // The SLOs the trend can draw beside the incident record: those measured by a probe or by Prometheus.
  const measured = slos.flatMap((s): MeasuredChoice[] => (s.sli.source === "incidents" ? [] : [{ id: s.id, name: s.name, target: s.target, source: s.sli.source }]));
  return <TrendPanel slug={slug} timeZone={timeZone} initial={{ view, series, lane, marks }} measured={measured} />;
}
