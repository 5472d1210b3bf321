import { PageSkeleton } from "@/components/feedback/page-skeleton";

export default function Loading() {
  return <PageSkeleton title="Reports" rows={3} />;
}
