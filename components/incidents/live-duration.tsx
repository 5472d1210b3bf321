"use client";

import { formatDuration } from "@/lib/domain/format";
import { useNow } from "./use-now";

/**
 * How long something has lasted: fixed once it ended, ticking while it goes on. Hydration uses
 * the server's `renderedAt`, so the text the server sent and the browser's first paint agree.
 */
export function LiveDuration({ since, until, renderedAt, prefix = "" }: { since: string; until: string | null; renderedAt: number; prefix?: string }) {
  const now = useNow(renderedAt);
  const end = until === null ? now : Date.parse(until);
  const seconds = Math.max(0, Math.round((end - Date.parse(since)) / 60_000) * 60);
  return (
    <span className={until === null ? "live" : undefined}>
      {prefix}
      {seconds < 60 ? "under a minute" : formatDuration(seconds)}
    </span>
  );
}
