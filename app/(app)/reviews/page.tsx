import type { Metadata } from "next";
import { ComingLater } from "@/components/feedback/coming-later";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  await requirePageActor();
  return (
    <ComingLater
      title="Reviews"
      summary="The one page your team walks through in the weekly availability review."
      items={[
        "Availability of each service for the week against its SLO target, with maintenance shown separately.",
        "Error budget left, burn rate, and when the budget runs out at the current pace.",
        "The incidents that cost the most downtime, action items that are due, and risks that changed.",
        "An export to share the review with people outside Nines.",
      ]}
    />
  );
}
