import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as items from "@/app/api/v1/action-items/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as risks from "@/app/api/v1/risks/route";
import { prisma } from "@/lib/server/db";
import { fleetOverview } from "@/lib/server/fleet-overview";
import { call, unique } from "../support/api";
import { bulkTag, deleteBySql, insertIncidentsBySql, tidyAfterBulk } from "../support/bulk";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";

// Lists are capped at 200 a page; each count below is of more than that, and must be the count.
const CAP = 200;
const ONGOING = 205;
const OPEN_ITEMS = 210;
const OVERDUE_ITEMS = 7;

let tokens: Tokens;
let slug: string;
const tag = bulkTag();
const owner = unique("owner");
// Long ago, where no other test looks; each a minute after the last.
const FROM = Date.parse("2001-03-01T00:00:00Z");

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  slug = await makeService(tokens.editor, tokens.admin);
  await insertIncidentsBySql({ tag, services: [slug], count: ONGOING, fromMs: FROM, stepMs: 60_000, ongoing: true });
  await prisma.actionItem.createMany({
    data: Array.from({ length: OPEN_ITEMS }, (_, i) => ({ title: `Follow-up ${i}`, owner, status: "open" as const, dueDate: i < OVERDUE_ITEMS ? new Date("2001-01-01T00:00:00Z") : null })),
  });
});

// Ongoing incidents from 2001 would be in every later week's review: leave the database as found.
afterAll(async () => {
  await deleteBySql(tag);
  await prisma.actionItem.deleteMany({ where: { owner } });
  await tidyAfterBulk();
});

const get = (handler: typeof incidents.GET, path: string) => call(handler, { token: tokens.viewer, path });

describe("counts are totals, not the length of a capped list", () => {
  it("the incident list's total counts every match; its pages, walked by cursor, hold exactly that many", async () => {
    const first = await get(incidents.GET, `/x?service=${slug}&status=open&limit=${CAP}`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(ONGOING);
    expect(first.body.incidents).toHaveLength(CAP);
    const rest = await get(incidents.GET, `/x?service=${slug}&status=open&limit=${CAP}&cursor=${first.body.nextCursor}`);
    expect(rest.body).toMatchObject({ total: ONGOING, nextCursor: null });
    const ids = new Set([...first.body.incidents, ...rest.body.incidents].map((i: { id: string }) => i.id));
    expect(ids.size).toBe(ONGOING);
    expect((await get(incidents.GET, `/x?service=${slug}&status=resolved`)).body).toMatchObject({ total: 0, incidents: [] });
    // Across the whole organisation (the overview's banner), at least these are ongoing.
    const all = await get(incidents.GET, "/x?status=open&limit=5");
    expect(all.body.incidents).toHaveLength(5);
    expect(all.body.total).toBe(await prisma.incident.count({ where: { resolvedAt: null } }));
    expect(all.body.total).toBeGreaterThanOrEqual(ONGOING);
  });

  it("an overview row counts the service's ongoing incidents and names the three that started last", async () => {
    const overview = await fleetOverview({ q: slug, sort: "name", page: 1, perPage: 25 });
    const row = overview.rows.find((r) => r.summary.service.slug === slug);
    expect(row?.ongoingTotal).toBe(ONGOING);
    // Incident g starts g minutes after FROM: the last three are 205, 204, 203.
    expect(row?.ongoing.map((i) => i.title)).toEqual([`Outage ${ONGOING}`, `Outage ${ONGOING - 1}`, `Outage ${ONGOING - 2}`]);
  });

  it("the action-item list's total counts every match, open and overdue alike", async () => {
    const open = await call(items.GET, { token: tokens.viewer, path: `/x?owner=${owner}&status=open&limit=${CAP}` });
    expect(open.body).toMatchObject({ total: OPEN_ITEMS });
    expect(open.body.actionItems).toHaveLength(CAP);
    const next = await call(items.GET, { token: tokens.viewer, path: `/x?owner=${owner}&status=open&limit=${CAP}&cursor=${open.body.nextCursor}` });
    expect(next.body.actionItems).toHaveLength(OPEN_ITEMS - CAP);
    expect(next.body).toMatchObject({ total: OPEN_ITEMS, nextCursor: null });
    const overdue = await call(items.GET, { token: tokens.viewer, path: `/x?owner=${owner}&overdue=true&limit=1` });
    expect(overdue.body).toMatchObject({ total: OVERDUE_ITEMS });
    // The earliest due lead: the overdue ones first.
    expect(open.body.actionItems.slice(0, OVERDUE_ITEMS).every((a: { overdue: boolean }) => a.overdue)).toBe(true);
    // An incident that does not exist has none; that is a filter matching nothing, not an error.
    expect((await call(items.GET, { token: tokens.viewer, path: "/x?incident=INC-999999999" })).body).toEqual({ actionItems: [], nextCursor: null, total: 0 });
  });

  it("the audit trail's total counts every event of the type asked for", async () => {
    const trail = await call(audit.GET, { token: tokens.admin, path: "/x?entityType=service&limit=1" });
    expect(trail.body.events).toHaveLength(1);
    expect(trail.body.total).toBe(await prisma.auditEvent.count({ where: { entityType: "service" } }));
  });

  it("a cursor that names nothing is refused by name, never read as the first page", async () => {
    for (const [handler, path] of [
      [items.GET, "/x?cursor=cnotanitem000000000000000"],
      [incidents.GET, "/x?cursor=not-a-cursor"],
      [risks.GET, "/x?cursor=cnotarisk0000000000000000"],
      [audit.GET, "/x?cursor=cnotanevent000000000000000"],
    ] as const) {
      const res = await call(handler as typeof incidents.GET, { token: tokens.admin, path });
      expect(res.status, path).toBe(400);
      expect(res.body.issues, path).toEqual([{ path: "cursor", message: "Not a cursor this API returned" }]);
    }
    // An incident cursor is a position (an instant and an id), not a row: it reads what follows it,
    // here everything of the service before its last incident.
    const after = await get(incidents.GET, `/x?service=${slug}&limit=${CAP}&cursor=${FROM + ONGOING * 60_000}.${tag}n${ONGOING}`);
    expect(after.body.incidents).toHaveLength(CAP);
    expect(after.body.incidents[0].title).toBe(`Outage ${ONGOING - 1}`);
  });
});
