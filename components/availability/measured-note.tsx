import { formatDateTime } from "@/components/format";

type Measured = { measuredSince: string; measuredFrom: string | null; window: { from: string } };

/**
 * What part of the window the figures are of (docs/domain.md "Measured since"): none (no data,
 * never 100 %), the part after the service's measuredSince, or, saying nothing, all of it.
 */
export function MeasuredNote({ summary, timeZone }: { summary: Measured; timeZone: string }) {
  if (summary.measuredFrom === null) {
    return (
      <p className="alert alert-warning" data-testid="no-data">
        No data: this service is measured since {formatDateTime(summary.measuredSince, timeZone)} {timeZone}, and this window lies wholly before it.
      </p>
    );
  }
  if (summary.measuredFrom === summary.window.from) return null;
  return (
    <p className="muted" data-testid="measured-from">
      Measured from {formatDateTime(summary.measuredFrom, timeZone)} {timeZone}, when this service&apos;s record starts: the figures are of that part of the window.
    </p>
  );
}
