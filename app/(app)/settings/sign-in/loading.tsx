import { PageSkeleton } from "@/components/feedback/page-skeleton";

export default function Loading() {
  return <PageSkeleton title="Sign-in" rows={8} />;
}
