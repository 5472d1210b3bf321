import { formatDateTime } from "@/components/format";
import type { ProbeRunDto } from "@/lib/dto/probes";

/**
 * The last runs as a row of beats, oldest on the left, newest on the right: a glance says whether
 * the check has been steady. Failed beats are red and hatched (not colour alone); each says its
 * time and result on hover; the sentence beneath is the text alternative.
 */
export function ProbeHeartbeat({ runs, timeZone }: { runs: ProbeRunDto[]; timeZone: string }) {
  const oldestFirst = [...runs].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const failed = oldestFirst.filter((r) => !r.ok);
  const lastFailure = failed.at(-1);
  const summary =
    `The last ${oldestFirst.length} runs, oldest first: ${oldestFirst.length - failed.length} ok, ${failed.length} failed` +
    (lastFailure ? `; the last failure at ${formatDateTime(lastFailure.at, timeZone)} ${timeZone}.` : ".");
  return (
    <figure className="heartbeat-figure">
      <div className="heartbeat" role="img" aria-label={summary}>
        {oldestFirst.map((r) => (
          <span
            key={r.id}
            className={`beat ${r.ok ? "beat-ok" : "beat-failed"}`}
            title={`${formatDateTime(r.at, timeZone)}:${r.at.slice(17, 19)} ${timeZone}: ${r.ok ? "ok" : `failed (${r.error ?? `status ${r.status}`})`}, ${r.latencyMs} ms`}
          />
        ))}
      </div>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}
