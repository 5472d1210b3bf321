import "server-only";
import { reviewClosedSummary } from "@/lib/domain/notification-message";
import { emit } from "./notify";
import type { ReviewDto, ReviewFiguresDto, ReviewListDto, ReviewListEntryDto } from "@/lib/dto/reviews";
import { isServiceFailure } from "@/lib/dto/availability";
import { formatPercent, formatZonedDateTime, recentWeeks, reviewChanges, reviewWeekWindow, weekOf, type ReviewIncidentFacts, type ReviewServiceFacts } from "@/lib/domain";
import { Prisma, type Review } from "@/lib/generated/prisma/client";
import type { ReviewListQuery, ReviewUpdate } from "@/lib/schemas/review";
import { ReviewHeadline, ReviewSnapshot } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { organisationTimeZone } from "./availability-data";
import { prisma, type Tx } from "./db";
import { overlapsWhere } from "./incident-phase";
import { ConflictError, NotFoundError } from "./errors";
import { computeReviewFigures, reviewHeadline, reviewWindow } from "./review-figures";
import { versionedEdit, type Versioned } from "./versioned";

const versioned = (tx: Tx, id: string): Versioned => ({ entity: "review", audit: { entityType: "review", entityId: id }, storedVersion: async () => (await tx.review.findUnique({ where: { id }, select: { version: true } }))?.version ?? null });

const LIST_WEEKS = 12;
/** Weeks a page of the list shows: half a year. */
const LIST_PAGE = 26;

function facts(f: ReviewFiguresDto): { incidents: ReviewIncidentFacts[]; services: ReviewServiceFacts[] } {
  return {
    incidents: f.incidents,
    services: f.services.map((s) => ({
      slug: s.slug,
      weekAvailability: isServiceFailure(s.week) ? null : s.week.availability,
      weekDowntimeSeconds: isServiceFailure(s.week) ? null : s.week.downtimeSeconds,
      budgetRemainingRatio: isServiceFailure(s.sloWindow) ? null : (s.sloWindow.errorBudget?.remainingRatio ?? null),
    })),
  };
}

/** One tier's services (and the headline over them), or all. */
function forTier(f: ReviewFiguresDto, tier: number | null): ReviewFiguresDto {
  if (tier === null) return f;
  const services = f.services.filter((s) => s.tier.rank === tier);
  const slugs = new Set(services.map((s) => s.slug));
  const incidents = f.incidents.filter((i) => i.services.some((s) => slugs.has(s)));
  const postmortemsOverdue = f.postmortemsOverdue.filter((p) => p.services.some((s) => slugs.has(s)));
  return { ...f, services, incidents, postmortemsOverdue, headline: reviewHeadline(services, incidents, Date.parse(f.asOf)) };
}

function shape(row: Review | null, figures: ReviewFiguresDto, changes: ReviewDto["changes"], tier: number | null): ReviewDto {
  return {
    ...forTier(figures, tier),
    state: row === null ? "not_started" : row.status,
    id: row?.id ?? null,
    notes: row?.notes ?? "",
    attendees: row?.attendees ?? [],
    closedAt: row?.closedAt?.toISOString() ?? null,
    closedBy: row?.closedBy ?? null,
    version: row?.version ?? null,
    changes,
    tier,
  };
}

/**
 * A week's review. Open (or not started): computed now. Closed: the snapshot it froze, beside
 * what a fresh computation at the same instant says differently today.
 */
export async function getReview(week: string, tier: number | null = null, opts: { trend: boolean } = { trend: true }): Promise<ReviewDto> {
  const [row] = await Promise.all([prisma.review.findUnique({ where: { week } }), reviewWindow(week)]);
  if (row?.status !== "closed" || row.snapshot === null || row.snapshotAsOf === null) return shape(row, await computeReviewFigures(week, Date.now(), opts), [], tier);
  const frozen = ReviewSnapshot.read(row.snapshot, `The review of ${week}`);
  // Only what the comparison needs: the trend does not enter it.
  const fresh = await computeReviewFigures(week, row.snapshotAsOf.getTime(), { trend: false });
  const changes = reviewChanges(facts(frozen), facts(fresh), (iso) => formatZonedDateTime(Date.parse(iso), frozen.timeZone), (r) => formatPercent(r, 4));
  return shape(row, frozen, changes, tier);
}

/**
 * The latest weeks and every week with a review, the current one first, a page at a time, each
 * with its state and headline counts. The weeks are listed whole (a week id per review, a few
 * thousand rows at most in a century); rows and counts are read for the page only.
 */
export async function listReviews(q: ReviewListQuery = {}, now = Date.now()): Promise<ReviewListDto> {
  const timeZone = await organisationTimeZone();
  const recent = recentWeeks(now, LIST_WEEKS, timeZone);
  const storedWeeks = await prisma.review.findMany({ select: { week: true } });
  const all = [...new Set([...recent, ...storedWeeks.map((r) => r.week)])].filter((w) => reviewWeekWindow(w, timeZone) !== null).sort().reverse();
  const limit = q.limit ?? LIST_PAGE;
  const start = q.cursor === undefined ? 0 : all.findIndex((w) => w < (q.cursor as string));
  const pageWeeks = start < 0 ? [] : all.slice(start, start + limit);
  const nextCursor = start >= 0 && start + limit < all.length ? (pageWeeks[pageWeeks.length - 1] ?? null) : null;
  return { weeks: await listEntries(pageWeeks, timeZone, now), nextCursor, total: all.length };
}

async function listEntries(weeks: string[], timeZone: string, now: number): Promise<ReviewListEntryDto[]> {
  const stored = await prisma.review.findMany({ where: { week: { in: weeks } } });
  const windows = weeks.map((w) => ({ week: w, window: reviewWeekWindow(w, timeZone) as { from: number; to: number } }));
  const counts = await Promise.all(windows.map(({ window }) => prisma.incident.count({ where: overlapsWhere(new Date(window.from), new Date(window.to), new Date(now)) })));
  const current = weekOf(now, timeZone);
  return windows.map(({ week, window }, i) => {
    const row = stored.find((r) => r.week === week);
    return {
      week,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      current: week === current,
      state: row ? row.status : "not_started",
      closedAt: row?.closedAt?.toISOString() ?? null,
      closedBy: row?.closedBy ?? null,
      incidents: counts[i] ?? 0,
      headline: row?.headline == null ? null : ReviewHeadline.read(row.headline, `The review of ${week}`),
    };
  });
}

async function rowOf(week: string): Promise<Review> {
  const row = await prisma.review.findUnique({ where: { week } });
  if (!row) throw new NotFoundError("Review of week", week);
  return row;
}

const audited = (r: Review) => ({ week: r.week, status: r.status, notes: r.notes, attendees: r.attendees, closedAt: r.closedAt, closedBy: r.closedBy, version: r.version });

/** Starts a week's review (idempotent: an existing one is returned as it is, `created: false`). */
export async function startReview(actor: Actor, week: string): Promise<{ created: boolean; review: ReviewDto }> {
  await reviewWindow(week);
  const created = await prisma.$transaction(async (tx) => {
    if (await tx.review.findUnique({ where: { week } })) return false;
    const row = await tx.review.create({ data: { week } });
    await recordAudit(tx, actor, { action: "create", entityType: "review", entityId: row.id, after: audited(row) });
    return true;
  });
  return { created, review: await getReview(week) };
}

export async function updateReview(actor: Actor, week: string, input: ReviewUpdate): Promise<ReviewDto> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.review.findUnique({ where: { week } });
    if (!before) throw new NotFoundError("Review of week", week);
    const edit = await versionedEdit(tx, versioned(tx, before.id), before.version, input.version);
    if (before.status === "closed") throw new ConflictError(`The review of ${week} is closed: an admin must reopen it before it can change`, [{ path: "status", message: "closed" }]);
    await edit.write(({ version }) => tx.review.updateMany({ where: { id: before.id, version }, data: { notes: input.notes, attendees: input.attendees, version: { increment: 1 } } }));
    const after = await tx.review.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "update", entityType: "review", entityId: before.id, before: audited(before), after: audited(after) });
  });
  return getReview(week);
}

/**
 * Freezes the review: every figure as computed now, stored with the instant it was computed at.
 * `at` closes it as of an earlier instant instead (the demo organisation's past meetings; the API
 * always closes now).
 */
export async function closeReview(actor: Actor, week: string, version: number | undefined, opts: { at?: number } = {}): Promise<ReviewDto> {
  const row = await rowOf(week);
  if (row.status === "closed") throw new ConflictError(`The review of ${week} is already closed`, [{ path: "status", message: "already closed" }]);
  const asOf = Math.min(opts.at ?? Date.now(), Date.now());
  const figures = await computeReviewFigures(week, asOf, { trend: true });
  await prisma.$transaction(async (tx) => {
    const before = await tx.review.findUniqueOrThrow({ where: { id: row.id } });
    if (before.status === "closed") throw new ConflictError(`The review of ${week} is already closed`, [{ path: "status", message: "already closed" }]);
    const edit = await versionedEdit(tx, versioned(tx, before.id), before.version, version);
    const { met, missed, budgetsExhausted } = figures.headline;
    // The person, also when they act through one of their API tokens.
    const closedBy = (actor.userId ? (await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } }))?.name : null) || actor.label;
    await edit.write(({ version }) => tx.review.updateMany({
      where: { id: row.id, version },
      data: { status: "closed", closedAt: new Date(asOf), closedBy, snapshot: JSON.parse(JSON.stringify(ReviewSnapshot.write(figures))), snapshotAsOf: new Date(asOf), headline: ReviewHeadline.write({ met, missed, budgetsExhausted }), version: { increment: 1 } },
    }));
    const after = await tx.review.findUniqueOrThrow({ where: { id: row.id } });
    await recordAudit(tx, actor, { action: "close", entityType: "review", entityId: row.id, before: audited(before), after: { ...audited(after), snapshotAsOf: after.snapshotAsOf, headline: after.headline } });
    await emit(tx, { type: "review.closed", at: new Date(asOf).toISOString(), week, summary: reviewClosedSummary(week, figures.headline, after.notes, closedBy) });
  });
  return getReview(week);
}

/** Reopening (admin): the figures are live again; the audit trail keeps what was frozen and when. */
export async function reopenReview(actor: Actor, week: string): Promise<ReviewDto> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.review.findUnique({ where: { week } });
    if (!before) throw new NotFoundError("Review of week", week);
    if (before.status !== "closed") throw new ConflictError(`The review of ${week} is not closed`, [{ path: "status", message: "not closed" }]);
    await tx.review.update({ where: { id: before.id }, data: { status: "open", closedAt: null, closedBy: null, snapshot: Prisma.DbNull, snapshotAsOf: null, headline: Prisma.DbNull, version: { increment: 1 } } });
    const after = await tx.review.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "reopen", entityType: "review", entityId: before.id, before: { ...audited(before), snapshotAsOf: before.snapshotAsOf, headline: before.headline }, after: audited(after) });
  });
  return getReview(week);
}
