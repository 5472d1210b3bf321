/**
 * One page of a list a person reads in pages: which rows it holds and whether there are more.
 * A page past the end is the last page (a link kept from a bigger list still shows rows), and a
 * list of nothing is one empty page. Pure; the review page and its tests read the same rule.
 */
export type PageWindow = {
  /** 1-based, clamped to [1, pages]. */
  readonly page: number;
  readonly pages: number;
  /** Rows [start, end) of the whole list, 0-based. */
  readonly start: number;
  readonly end: number;
  readonly total: number;
};

export function pageWindow(total: number, requested: number, perPage: number): PageWindow {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a count, not ${total}`);
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be at least 1, not ${perPage}`);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Number.isInteger(requested) ? Math.min(Math.max(1, requested), pages) : 1;
  const start = (page - 1) * perPage;
  return { page, pages, start, end: Math.min(total, start + perPage), total };
}
