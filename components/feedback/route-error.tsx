"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * Shared body of every error.tsx. Server errors reach the browser without their message in
 * production, so the text is generic and shows the digest to match against the server log.
 */
export function RouteError({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    console.error(error);
    headingRef.current?.focus();
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <div className="route-error" role="alert">
      <h1 ref={headingRef} tabIndex={-1}>
        Could not load {what}
      </h1>
      <p>
        Something went wrong while loading this page. It may be temporary (the database restarting, a
        network hiccup): try again. If it keeps failing, give your administrator the reference below.
      </p>
      {digest && (
        <p className="muted">
          Reference: <code>{digest}</code>
        </p>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={() => retry()}>
          Try again
        </button>
        <Link className="btn btn-secondary" href="/">
          Go to overview
        </Link>
      </div>
    </div>
  );
}
