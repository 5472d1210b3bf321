import { ReviewQuery, ReviewUpdate } from "@/lib/schemas/review";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { reviewCsv, reviewMarkdown } from "@/lib/server/review-export";
import { getReview, updateReview } from "@/lib/server/reviews";
import { apiRoute } from "@/lib/server/route";

type P = { week: string };

/** A week's review as JSON (`?include=trend` adds 12 weeks of trend per service), or `?format=markdown` / `?format=csv` (one row per service). */
export const GET = apiRoute<P>("viewer", async ({ req, params }) => {
  const q = parse(ReviewQuery, searchParamsObject(req));
  // The trend is the costliest part to compute and the exports do not show it: only when asked.
  const review = await getReview(params.week, q.tier ?? null, { trend: q.include === "trend" });
  if (q.format === "markdown") return new Response(reviewMarkdown(review), { headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="nines-review-${review.week}.md"` } });
  if (q.format === "csv") return new Response(reviewCsv(review), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="nines-review-${review.week}.csv"` } });
  return review;
});

/** Notes and attendees, with the version read. */
export const PATCH = apiRoute<P>("editor", async ({ req, params, actor }) => updateReview(actor, params.week, parse(ReviewUpdate, await readJson(req))));
