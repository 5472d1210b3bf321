"use client";

import { RouteError } from "@/components/feedback/route-error";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError what="the sign-in settings" error={error} retry={retry} />;
}
