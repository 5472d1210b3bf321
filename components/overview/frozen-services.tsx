import Link from "next/link";
import { formatCount, formatDateTime } from "@/components/format";

type Props = { frozen: { slug: string; name: string; since: string | null; recoversAt: string | null }[]; frozenTotal: number; cautionTotal: number; timeZone: string };

/** Services their error-budget policy froze: changes stop there but for urgent fixes. Nothing when none is. */
export function FrozenServices({ frozen, frozenTotal, cautionTotal, timeZone }: Props) {
  if (frozenTotal === 0 && cautionTotal === 0) return null;
  return (
    <section className="upcoming-note policy-note" aria-labelledby="frozen-heading">
      <h2 id="frozen-heading" className="section-title">
        Frozen by their error-budget policy <span className="count">{formatCount(frozenTotal)}</span>
        {cautionTotal > 0 && <span className="muted"> · {formatCount(cautionTotal)} in caution</span>}
      </h2>
      {frozen.length > 0 ? (
        <ul className="plain-list">
          {frozen.map((s) => (
            <li key={s.slug}>
              <Link prefetch={false} href={`/services/${s.slug}`}>{s.name}</Link>{" "}
              <span className="muted">
                {s.since ? `frozen since ${formatDateTime(s.since, timeZone)} ${timeZone}` : "frozen"}
                {s.recoversAt ? `, recovers ${formatDateTime(s.recoversAt, timeZone)} ${timeZone} if nothing more is spent` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No service is frozen; those in caution ship small, watched changes.</p>
      )}
      {frozenTotal > frozen.length && <p className="muted">and {formatCount(frozenTotal - frozen.length)} more frozen</p>}
    </section>
  );
}
