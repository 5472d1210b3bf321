import { ReviewClose } from "@/lib/schemas/review";
import { parse, readJson } from "@/lib/server/http";
import { closeReview } from "@/lib/server/reviews";
import { apiRoute } from "@/lib/server/route";

/** Freezes every figure the review shows, as of now. Closing a closed review is a 409. */
export const POST = apiRoute<{ week: string }>("editor", async ({ req, params, actor }) => closeReview(actor, params.week, parse(ReviewClose, await readJson(req)).version));
