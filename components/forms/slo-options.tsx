import { SLO_WINDOWS } from "@/lib/schemas/common";
import { formatWindow } from "../format";

/** The SLO windows a select offers: the standard ones, plus the current value if it is unusual. */
export function SloWindowOptions({ current }: { current: string }) {
  const windows: string[] = [...SLO_WINDOWS];
  if (current && !windows.includes(current)) windows.push(current);
  return windows.map((w) => (
    <option key={w} value={w}>
      {formatWindow(w)}
    </option>
  ));
}

export function MaintenanceOptions() {
  return (
    <>
      <option value="count">Counts against the SLO</option>
      <option value="exclude">Excluded from the SLO</option>
    </>
  );
}
