import { cache } from "react";
import { AvailabilityDetails, AvailabilityFigures } from "@/components/availability/availability-panel";
import { TrendPanel } from "@/components/availability/trend-panel";
import type { WindowPreset } from "@/components/availability/window-picker";
import { formatWindow } from "@/components/format";
import { calendarSpecContaining, formatWindowLabel } from "@/lib/domain/windows";
import type { AvailabilityView } from "@/lib/query/availability";
import { TREND_COUNTS } from "@/lib/query/availability-counts";
import { AvailabilityQuery, SeriesQuery } from "@/lib/schemas/availability";
import { serviceAvailability, serviceSeries } from "@/lib/server/availability";
import { listIncidents } from "@/lib/server/incidents-read";

// The service page's two data-bound sections, each rendered on the server for its first paint and
// streamed in its own Suspense boundary (page.tsx); their client parts then follow the URL.

/** One read per request, whichever section asks first (React's per-request cache). */
const summaryFor = cache((slug: string, window: string | null, asOf: string | null) =>
  serviceAvailability(slug, AvailabilityQuery.parse({ ...(window ? { window } : {}), ...(asOf ? { asOf } : {}) })),
);

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
  const series = await serviceSeries(slug, SeriesQuery.parse({ bucket: view.bucket, count: String(TREND_COUNTS[view.bucket]), ...(view.asOf ? { asOf: view.asOf } : {}) }));
  const from = series.entries[0]?.from;
  const to = series.entries.at(-1)?.to;
  const { incidents } = from && to ? await listIncidents({ service: slug, from: new Date(from), to: new Date(to), limit: 200 }) : { incidents: [] };
  return <TrendPanel slug={slug} timeZone={timeZone} initial={{ view, series, incidents }} />;
}
