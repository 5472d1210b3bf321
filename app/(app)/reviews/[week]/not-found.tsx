import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";

export default function ReviewNotFound() {
  return (
    <EmptyState title="No review for this week" action={<Link className="btn btn-primary" href="/reviews">All weeks</Link>}>
      Reviews are named by ISO week, such as 2026-W48, and a week has a review once it has begun.
    </EmptyState>
  );
}
