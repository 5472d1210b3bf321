"use client";

import Link from "next/link";
import { formatCount, formatDateTime } from "@/components/format";
import { useAuditFeed, type AuditPage } from "@/lib/query/audit";
import type { AuditEventDto } from "@/lib/query/types";
import { AuditDiff } from "./audit-diff";

function entityHref(e: AuditEventDto): string | null {
  const snapshot = (e.after ?? e.before) as { slug?: unknown } | null;
  if (e.entityType === "service" && typeof snapshot?.slug === "string") return `/services/${snapshot.slug}`;
  if (e.entityType === "tier") return `/settings/tiers/${e.entityId}`;
  if (e.entityType === "settings") return "/settings";
  return null;
}

function entityName(e: AuditEventDto): string {
  const snapshot = (e.after ?? e.before) as { name?: unknown; email?: unknown } | null;
  const name = snapshot?.name ?? snapshot?.email;
  return typeof name === "string" ? name : e.entityId;
}

/** Audit events newest first; "Load more" appends the next page from the API by cursor. */
export function AuditFeed({ entityType, firstPage, cursor, timeZone }: { entityType?: string; firstPage: AuditPage; cursor: string | null; timeZone: string }) {
  const feed = useAuditFeed(entityType, firstPage, cursor);
  const events = feed.data.pages.flatMap((p) => p.events);
  // The latest page's count: events logged while reading are counted too.
  const total = feed.data.pages.at(-1)?.total ?? firstPage.total;

  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Audit events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time ({timeZone})</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const href = entityHref(e);
              return (
                <tr key={e.id}>
                  <td className="nowrap">
                    <time dateTime={e.at}>{formatDateTime(e.at, timeZone)}</time>
                  </td>
                  <td>{e.actor}</td>
                  <td><span className="badge">{e.action}</span></td>
                  <td>
                    <span className="muted">{e.entityType}</span>{" "}
                    {href ? <Link prefetch={false} href={href}>{entityName(e)}</Link> : entityName(e)}
                  </td>
                  <td className="cell-changes"><AuditDiff before={e.before} after={e.after} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        {feed.hasNextPage ? (
          <button type="button" className="btn btn-secondary" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage} aria-busy={feed.isFetchingNextPage || undefined}>
            {feed.isFetchingNextPage && <span className="spinner" aria-hidden="true" />}
            Load more
          </button>
        ) : (
          <span className="muted">That is everything{entityType ? ` for ${entityType}` : ""}.</span>
        )}
        <span className="muted" role="status">
          Showing {formatCount(events.length)} of {formatCount(total)} event{total === 1 ? "" : "s"}{entityType ? ` for ${entityType}` : ""}
        </span>
      </div>
      {feed.isFetchNextPageError && (
        <p className="alert alert-error" role="alert">
          Could not load more events: {feed.error?.message ?? "unknown error"}. Try again.
        </p>
      )}
    </>
  );
}
