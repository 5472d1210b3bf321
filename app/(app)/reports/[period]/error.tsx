"use client";

import { RouteError } from "@/components/feedback/route-error";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError what="this report" error={error} retry={retry} />;
}
