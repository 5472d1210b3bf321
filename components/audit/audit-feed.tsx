"use client";

import Link from "next/link";
import { formatCount, formatDateTime } from "@/components/format";
import { useAuditFeed, type AuditFilters, type AuditPage } from "@/lib/query/audit";
import type { AuditEventDto } from "@/lib/query/types";
import { AuditDiff } from "./audit-diff";

/** Where an entity lives in Nines, by its type and reference; null where it has no page. */
function entityHref(e: AuditEventDto): string | null {
  const ref = e.entity.reference;
  switch (e.entityType) {
    case "incident":
    case "timeline_event":
      return ref ? `/incidents/${ref}` : null;
    case "risk":
      return ref ? `/risks/${ref}` : null;
    case "service":
      return ref ? `/services/${ref}` : null;
    case "probe":
      return ref ? `/services/${ref}#probes-heading` : null;
    case "review":
      return ref ? `/reviews/${ref}` : null;
    case "tier":
      return `/settings/tiers/${e.entityId}`;
    case "user":
      return "/settings/users";
    case "api_token":
      return "/settings/tokens";
    case "integrations":
      return "/settings/integrations";
    case "settings":
    case "organisation":
      return "/settings";
    case "action_item":
      return "/action-items";
    default:
      return null;
  }
}

/**
 * What the entity cell says: incidents, risks and reviews by their reference (the title under it);
 * services, tiers and the rest by their name (a service's slug under it).
 */
function entityLabel(e: AuditEventDto): [string, string | null] {
  const { reference, title } = e.entity;
  const byReference = ["incident", "risk", "review", "timeline_event"].includes(e.entityType);
  const main = (byReference ? reference ?? title : title ?? reference) ?? e.entityId;
  const other = byReference ? title : reference;
  return [main, other && !other.includes(main) ? other : null];
}

/** The same page filtered to one more thing: an actor, or one entity's history. */
function filterHref(filters: AuditFilters, extra: AuditFilters): string {
  const q = new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, v]) => v) as [string, string][]).toString();
  return q ? `/settings/audit?${q}` : "/settings/audit";
}

/** Audit events newest first; "Load more" appends the next page from the API by cursor. */
export function AuditFeed({ filters, describe, firstPage, cursor, timeZone }: { filters: AuditFilters; describe: string; firstPage: AuditPage; cursor: string | null; timeZone: string }) {
  const feed = useAuditFeed(filters, firstPage, cursor);
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
              const [label, sub] = entityLabel(e);
              return (
                <tr key={e.id}>
                  <td className="nowrap">
                    <time dateTime={e.at}>{formatDateTime(e.at, timeZone)}</time>
                  </td>
                  <td>{filters.actor ? e.actor : <Link prefetch={false} href={filterHref(filters, { actor: e.actor })} title={`Only what ${e.actor} did`}>{e.actor}</Link>}</td>
                  <td><span className="badge">{e.action}</span></td>
                  <td className="cell-entity">
                    <span className="muted">{e.entityType.replace("_", " ")}</span>{" "}
                    {href ? <Link prefetch={false} href={href}>{label}</Link> : <span>{label}</span>}
                    {sub && <span className="cell-sub">{sub}</span>}
                    {!filters.entity && e.entity.reference && ["incident", "risk", "service", "review"].includes(e.entityType) && (
                      <Link prefetch={false} className="cell-sub" href={filterHref({ ...filters, entityType: undefined }, { entity: e.entity.reference })}>
                        History<span className="visually-hidden"> of {e.entity.reference}</span>
                      </Link>
                    )}
                  </td>
                  <td className="cell-changes"><AuditDiff before={e.before} after={e.after} timeZone={timeZone} /></td>
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
          <span className="muted">That is everything{describe}.</span>
        )}
        <span className="muted" role="status">
          Showing {formatCount(events.length)} of {formatCount(total)} event{total === 1 ? "" : "s"}{describe}
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
