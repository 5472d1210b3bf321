"use client";

import { useSyncExternalStore } from "react";

// One clock for every live duration on the page: a single timer, started by the first subscriber.
const TICK_MS = 15_000;
const listeners = new Set<() => void>();
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function snapshot(): number {
  if (now === 0) now = Date.now();
  return now;
}

/** The current time, a tick every 15 s; `renderedAt` (the server's) while hydrating, so both agree. */
export function useNow(renderedAt: number): number {
  return useSyncExternalStore(subscribe, snapshot, () => renderedAt);
}
