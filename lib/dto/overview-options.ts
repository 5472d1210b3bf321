// The overview's sort orders and page sizes, apart from its schema: the filters (a client
// component) need these, and not zod with them.
export const OVERVIEW_SORTS = ["budget", "availability", "burn", "name"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/** Rows per page of the overview. */
export const PER_PAGE_OPTIONS = ["25", "50", "100", "250"] as const;
