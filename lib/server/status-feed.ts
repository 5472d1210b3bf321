import "server-only";
import { atomFeed, type FeedEntry } from "@/lib/domain/status-page";
import type { PublicIncidentDto, StatusSnapshotDto } from "@/lib/dto/status-page";
import { baseUrl } from "./notify";

/** The feed: one entry per incident (ongoing first, then maintenance to come, then the history), updated at its latest public news. */
export function statusFeed(s: StatusSnapshotDto): string {
  const base = baseUrl();
  const entry = (i: PublicIncidentDto): FeedEntry => {
    const latest = i.updates[0];
    const updated = [i.startedAt, i.resolvedAt, latest?.at].filter((x): x is string => x !== null && x !== undefined).sort().at(-1) as string;
    const upcoming = s.scheduled.includes(i);
    const state = upcoming ? "Scheduled maintenance" : i.resolvedAt ? (i.status === "scheduled" ? "Completed" : "Resolved") : i.kind === "maintenance" ? "Maintenance in progress" : "Ongoing";
    return { id: `${base}/status#incident-${i.id}`, title: `${state}: ${i.title}`, updated, link: `${base}/status#incident-${i.id}`, summary: [latest?.message, upcoming ? `Planned from ${i.startedAt}${i.plannedEnd ? ` to ${i.plannedEnd}` : ""}.` : null, `Affects ${i.components.join(", ")}.`].filter(Boolean).join(" ") };
  };
  const entries = [...s.ongoing, ...s.scheduled, ...s.history].map(entry);
  const updated = entries.map((e) => e.updated).sort().at(-1) ?? s.generatedAt;
  return atomFeed({ id: `${base}/status`, title: s.title, link: `${base}/status`, self: `${base}/status/feed.atom`, updated, entries });
}
