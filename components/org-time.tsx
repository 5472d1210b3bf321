import { formatDateTime } from "./format";

/** An instant on the organisation's wall clock; the zone is named (inline or in the tooltip). */
export function OrgTime({ iso, timeZone, showZone = false }: { iso: string; timeZone: string; showZone?: boolean }) {
  const text = formatDateTime(iso, timeZone);
  return (
    <time dateTime={iso} title={`${text} ${timeZone}`}>
      {text}
      {showZone && <span className="muted"> {timeZone}</span>}
    </time>
  );
}
