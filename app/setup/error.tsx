"use client";

import { RouteError } from "@/components/feedback/route-error";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="standalone" id="main">
      <div className="standalone-card">
        <RouteError what="the setup page" error={error} retry={retry} />
      </div>
    </main>
  );
}
