import { reopenReview } from "@/lib/server/reviews";
import { apiRoute } from "@/lib/server/route";

/** Admin only: the figures are live again; the audit trail keeps what was frozen. */
export const POST = apiRoute<{ week: string }>("admin", ({ params, actor }) => reopenReview(actor, params.week));
