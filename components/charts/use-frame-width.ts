"use client";
import { useEffect, useRef, useState } from "react";

/**
 * A lane's drawn width, measured once it is on the page and again on each resize, so marks that
 * would overlap move to another row. Until then (and on the server) it is `initial`: the lanes
 * are drawn as on a desktop.
 */
export function useFrameWidth<T extends HTMLElement>(initial = 900) {
  const frame = useRef<T>(null);
  const [widthPx, setWidthPx] = useState(initial);
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidthPx(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { frame, widthPx };
}
