import { ReviewListQuery, ReviewStart } from "@/lib/schemas/review";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { listReviews, startReview } from "@/lib/server/reviews";
import { apiRoute, created } from "@/lib/server/route";

/** The latest weeks and every week with a review, the current one first, a page at a time, each with its state and headline counts. */
export const GET = apiRoute("viewer", async ({ req }) => listReviews(parse(ReviewListQuery, searchParamsObject(req))));

/** Starts a week's review: 201, or 200 with the one already started. */
export const POST = apiRoute("editor", async ({ req, actor }) => {
  const { created: isNew, review } = await startReview(actor, parse(ReviewStart, await readJson(req)).week);
  return isNew ? created(review) : review;
});
