import { PageSkeleton } from "@/components/feedback/page-skeleton";

export default function Loading() {
  return <PageSkeleton title="Status page" rows={6} />;
}
