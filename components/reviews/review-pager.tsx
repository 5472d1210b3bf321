import Link from "next/link";
import type { PageWindow } from "@/lib/domain/page-window";
import { formatCount } from "@/components/format";

const capital = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/**
 * Where a paged list of the review stands ("Rows 1–100 of 712"), the way to the next and previous
 * page, and to every row at once: the meeting reads a page at a time, a print of the whole view
 * asks for all of it. Said for print too, so a printed page never passes for the whole list.
 */
export function ReviewPager({ window: w, noun, href, all }: { window: PageWindow; noun: readonly [string, string]; href: (page: number | "all") => string; all: boolean }) {
  if (w.total === 0) return null;
  const whole = w.start === 0 && w.end === w.total;
  if (whole && !all) return null;
  return (
    <div className="review-pager">
      <p className="muted small" role="status">
        {whole ? `All ${formatCount(w.total)} ${w.total === 1 ? noun[0] : noun[1]}` : w.end - w.start === 1 ? `${capital(noun[0])} ${formatCount(w.end)} of ${formatCount(w.total)}` : `${capital(noun[1])} ${formatCount(w.start + 1)}–${formatCount(w.end)} of ${formatCount(w.total)}`}
        <span className="print-only">{whole ? "" : `: this print holds only these; print from "Show all ${formatCount(w.total)}" for every one.`}</span>
      </p>
      <nav aria-label={`Pages of ${noun[1]}`} className="button-row no-print">
        {w.page > 1 && !whole && <Link className="btn btn-secondary btn-small" href={href(w.page - 1)} prefetch={false}>Previous</Link>}
        {w.page < w.pages && !whole && <Link className="btn btn-secondary btn-small" href={href(w.page + 1)} prefetch={false}>Next {formatCount(Math.min(w.end - w.start, w.total - w.end))}</Link>}
        {whole ? <Link className="btn btn-ghost btn-small" href={href(1)} prefetch={false}>Show a page at a time</Link> : <Link className="btn btn-ghost btn-small" href={href("all")} prefetch={false}>Show all {formatCount(w.total)}</Link>}
      </nav>
    </div>
  );
}
