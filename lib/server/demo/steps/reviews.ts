import "server-only";
import { reviewWeekWindow, weekOf } from "@/lib/domain/review-week";
import { IncidentUpdate } from "@/lib/schemas/incident";
import { ReviewUpdate } from "@/lib/schemas/review";
import { prisma } from "../../db";
import { updateIncident } from "../../incidents-write";
import { closeReview, startReview, updateReview } from "../../reviews";
import { as, DAY, MINUTE, type DemoContext } from "../context";
import { PEOPLE } from "../data/organisation";
import { SCENARIOS } from "../data/incidents";
import { REVIEWS } from "../data/reviews";

/**
 * The last weeks' reviews, closed at their meeting (the Tuesday after, 10:30), and this week's,
 * started. Then an incident of a closed week gets a later end, as happens when a timeline is
 * checked after the meeting: that review lists it under "Changed since the review".
 */
export async function fillReviews(ctx: DemoContext): Promise<number> {
  const closedWeeks: { from: number; to: number }[] = [];
  for (const r of REVIEWS) {
    const week = weekOf(ctx.now - r.weeksAgo * 7 * DAY, ctx.timeZone);
    const window = reviewWeekWindow(week, ctx.timeZone);
    if (!window) throw new Error(`no window for week ${week}`);
    const chair = as(r.attendees[0] ?? "priya");
    const { review } = await startReview(chair, week);
    const incidents = ctx.incidents
      .filter((i) => i.startedAt >= window.from && i.startedAt < window.to)
      .map((i) => {
        const followUp = SCENARIOS.find((sc) => sc.key === i.scenario)?.followUps?.[0];
        return { reference: i.reference, title: i.title, postmortemWritten: i.postmortemWritten, followUp: followUp ? `${followUp.title} (${PEOPLE[followUp.owner]})` : null };
      });
    const noted = await updateReview(chair, week, ReviewUpdate.parse({ notes: r.notes(incidents), attendees: r.attendees.map((p) => PEOPLE[p]), version: review.version }));
    if (noted.version === null) throw new Error(`the review of ${week} has no version after its notes`);
    const meeting = window.to + DAY + 10.5 * 60 * MINUTE;
    // A meeting that has not happened yet (it is Monday) stays open.
    if (r.closed && meeting < ctx.now) {
      await closeReview(chair, week, noted.version, { at: meeting });
      closedWeeks.push(window);
    }
  }
  const corrected = ctx.incidents.find((i) => i.resolvedAt !== null && closedWeeks.some((w) => i.startedAt >= w.from && i.startedAt < w.to) && i.resolvedAt < ctx.now - DAY);
  if (corrected && corrected.resolvedAt !== null) {
    const { version } = await prisma.incident.findUniqueOrThrow({ where: { id: corrected.id }, select: { version: true } });
    corrected.resolvedAt += 6 * MINUTE;
    await updateIncident(as(corrected.responder), corrected.id, IncidentUpdate.parse({ resolvedAt: new Date(corrected.resolvedAt).toISOString(), version }));
  }
  return REVIEWS.length;
}
