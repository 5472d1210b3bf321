import { PageSkeleton } from "@/components/feedback/page-skeleton";

export default function Loading() {
  return <PageSkeleton title="Report" rows={4} />;
}
