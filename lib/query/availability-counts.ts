// How many buckets a service page's trend shows for each bucket size: shared by the server's first
// render and the client's reads, so both ask for the same.
export const TREND_COUNTS = { day: 30, week: 26, month: 12 } as const;
