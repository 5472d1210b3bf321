import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as allSeries from "@/app/api/v1/availability/series/route";
import * as all from "@/app/api/v1/availability/route";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as me from "@/app/api/v1/me/route";
import * as oneSeries from "@/app/api/v1/services/[slug]/availability/series/route";
import * as lane from "@/app/api/v1/services/[slug]/availability/incidents/route";
import * as changeMarks from "@/app/api/v1/services/[slug]/availability/changes/route";
import * as changes from "@/app/api/v1/changes/route";
import * as incidentChanges from "@/app/api/v1/incidents/[id]/changes/route";
import { ChangeInput, ChangeListQuery } from "@/lib/schemas/change";
import * as one from "@/app/api/v1/services/[slug]/availability/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import * as riskReview from "@/app/api/v1/risks/[id]/review/route";
import * as riskItem from "@/app/api/v1/risks/[id]/route";
import * as riskMatrix from "@/app/api/v1/risks/matrix/route";
import * as risks from "@/app/api/v1/risks/route";
import * as reportItem from "@/app/api/v1/reports/[period]/route";
import * as reviewItem from "@/app/api/v1/reviews/[week]/route";
import * as reviewList from "@/app/api/v1/reviews/route";
import * as probeItem from "@/app/api/v1/probes/[id]/route";
import * as probeRuns from "@/app/api/v1/probes/[id]/runs/route";
import * as serviceProbes from "@/app/api/v1/services/[slug]/probes/route";
import * as reconcile from "@/app/api/v1/services/[slug]/reconcile/route";
import * as alertmanager from "@/app/api/v1/integrations/alertmanager/route";
import * as incidentImport from "@/app/api/v1/incidents/import/route";
import * as openslo from "@/app/api/v1/openslo/route";
import * as settings from "@/app/api/v1/settings/route";
import * as setup from "@/app/api/setup/route";
import * as tierItem from "@/app/api/v1/tiers/[id]/route";
import * as tiers from "@/app/api/v1/tiers/route";
import * as tokenItem from "@/app/api/v1/tokens/[id]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as userItem from "@/app/api/v1/users/[id]/route";
import * as users from "@/app/api/v1/users/route";
import { ApiTokenInput } from "@/lib/schemas/api-token";
import { AuditQuery } from "@/lib/schemas/audit";
import { AvailabilityListQuery, AvailabilityQuery, SeriesQuery } from "@/lib/schemas/availability";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { IncidentInput, IncidentListQuery, IncidentUpdate, TimelineEventInput } from "@/lib/schemas/incident";
import { AlertmanagerPayload } from "@/lib/schemas/alertmanager";
import { ProbeInput, ProbeRunsQuery, ProbeUpdate } from "@/lib/schemas/probe";
import { ReportQuery } from "@/lib/schemas/report";
import { ReviewQuery, ReviewStart, ReviewUpdate } from "@/lib/schemas/review";
import { RiskInput, RiskListQuery, RiskReviewInput, RiskUpdate } from "@/lib/schemas/risk";
import { ServiceInput, ServiceListQuery, ServiceUpdate } from "@/lib/schemas/service";
import { SettingsUpdate } from "@/lib/schemas/settings";
import { TierInput, TierListQuery, TierUpdate } from "@/lib/schemas/tier";
import { SetupInput, UserInput, UserUpdate } from "@/lib/schemas/user";
import { call, unique, type AnyRoute, type CallResult } from "../support/api";
import { actorWithToken, freeTierRank, tokensForAllRoles, type Tokens } from "../support/fixtures";
import { anyInstant, bodyOf, extremeNumber, queryOf, windowLabel } from "../support/fuzz";
import { logIncident, makeService } from "../support/incidents";
import { ownDatabaseForFile } from "../support/database";

// Random writes reach every route, the settings, users and tiers included, and incidents land at
// random instants (some ongoing for centuries): an organisation of its own keeps all of it away
// from every other file's figures.
await ownDatabaseForFile();

let t: Tokens;
/** Services the generated incidents hit: the most lenient target, a common one, the strictest. */
let hit: string[] = [];
let target: { slug: string; tierId: string; incidentId: string; userId: string; tokenId: string; riskId: string; probeId: string };

beforeAll(async () => {
  ({ tokens: t } = await tokensForAllRoles());
  hit = [await makeService(t.editor, t.admin, { sloTarget: 0.5 }), await makeService(t.editor, t.admin, { sloTarget: 0.999, sloWindow: "rolling:30d" }), await makeService(t.editor, t.admin, { sloTarget: 0.9999999, maintenance: "exclude" })];
  // Targets of the PATCH and DELETE routes, so that random edits change nothing the other tests here read.
  const slug = await makeService(t.editor, t.admin);
  const tier = await call(tiers.POST, { method: "POST", token: t.admin, body: { rank: await freeTierRank(), name: unique("fuzz"), sloTarget: 0.99 } });
  const incident = await logIncident(t.editor, { startedAt: "2026-11-01T00:00:00Z", impacts: [{ service: slug }] });
  const { actor } = await actorWithToken("viewer");
  const token = await call(tokens.POST, { method: "POST", token: t.admin, body: { name: unique("fuzz"), role: "viewer" } });
  const assessment = { likelihood: "C", consequence: 3 };
  const risk = await call(risks.POST, { method: "POST", token: t.editor, body: { title: "Fuzz target", service: slug, inherent: assessment, current: assessment, target: assessment } });
  const probe = await call(serviceProbes.POST, { method: "POST", token: t.editor, params: { slug }, body: { url: "http://127.0.0.1:9/health", intervalSeconds: 60, enabled: false } });
  target = { slug, tierId: tier.body.id, incidentId: incident.body.id, userId: actor.userId, tokenId: token.body.token.id, riskId: risk.body.id, probeId: probe.body.id };
});

const fieldsOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
const ALLOWED = [200, 201, 400, 404, 409, 415];

function expectNo500(res: CallResult, what: string): void {
  expect(ALLOWED, `${what} answered ${res.status}: ${JSON.stringify(res.body)}`).toContain(res.status);
  if (res.status === 400) expect(Array.isArray(res.body.issues), what).toBe(true);
}

/** Every number in a JSON body is finite (JSON has no Infinity, and null where a number belongs misleads). */
function finiteNumbers(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(finiteNumbers);
  if (value && typeof value === "object") return Object.values(value).every(finiteNumbers);
  return true;
}

describe("no input makes the server answer 500", () => {
  it("random bodies to every POST and PATCH route get 2xx, 400, 404, 409 or 415", async () => {
    const writes: { name: string; handler: AnyRoute; method: string; params?: () => Record<string, string>; fields: string[]; token?: () => string }[] = [
      { name: "POST services", handler: services.POST, method: "POST", fields: fieldsOf(ServiceInput) },
      { name: "PATCH services/{slug}", handler: serviceItem.PATCH, method: "PATCH", params: () => ({ slug: target.slug }), fields: fieldsOf(ServiceUpdate) },
      { name: "POST tiers", handler: tiers.POST, method: "POST", fields: fieldsOf(TierInput) },
      { name: "PATCH tiers/{id}", handler: tierItem.PATCH, method: "PATCH", params: () => ({ id: target.tierId }), fields: fieldsOf(TierUpdate) },
      { name: "POST incidents", handler: incidents.POST, method: "POST", fields: fieldsOf(IncidentInput) },
      { name: "PATCH incidents/{id}", handler: incidentItem.PATCH, method: "PATCH", params: () => ({ id: target.incidentId }), fields: fieldsOf(IncidentUpdate) },
      { name: "POST incidents/{id}/events", handler: events.POST, method: "POST", params: () => ({ id: target.incidentId }), fields: fieldsOf(TimelineEventInput) },
      { name: "POST risks", handler: risks.POST, method: "POST", fields: fieldsOf(RiskInput) },
      { name: "POST changes", handler: changes.POST, method: "POST", fields: fieldsOf(ChangeInput) },
      { name: "PATCH risks/{id}", handler: riskItem.PATCH, method: "PATCH", params: () => ({ id: target.riskId }), fields: fieldsOf(RiskUpdate) },
      { name: "POST risks/{id}/review", handler: riskReview.POST, method: "POST", params: () => ({ id: target.riskId }), fields: fieldsOf(RiskReviewInput) },
      { name: "POST reviews", handler: reviewList.POST, method: "POST", fields: fieldsOf(ReviewStart) },
      { name: "PATCH reviews/{week}", handler: reviewItem.PATCH, method: "PATCH", params: () => ({ week: "2026-W01" }), fields: fieldsOf(ReviewUpdate) },
      { name: "POST services/{slug}/probes", handler: serviceProbes.POST, method: "POST", params: () => ({ slug: target.slug }), fields: fieldsOf(ProbeInput) },
      { name: "PATCH probes/{id}", handler: probeItem.PATCH, method: "PATCH", params: () => ({ id: target.probeId }), fields: fieldsOf(ProbeUpdate) },
      { name: "POST integrations/alertmanager", handler: alertmanager.POST, method: "POST", fields: fieldsOf(AlertmanagerPayload) },
      { name: "POST openslo (dry run)", handler: openslo.POST, method: "POST", fields: ["apiVersion", "kind", "metadata", "spec"] },
      { name: "POST incidents/import (dry run)", handler: incidentImport.POST, method: "POST", fields: ["title", "severity", "services"] },
      { name: "PATCH settings", handler: settings.PATCH, method: "PATCH", fields: fieldsOf(SettingsUpdate) },
      { name: "POST users", handler: users.POST, method: "POST", fields: fieldsOf(UserInput) },
      { name: "PATCH users/{id}", handler: userItem.PATCH, method: "PATCH", params: () => ({ id: target.userId }), fields: fieldsOf(UserUpdate) },
      { name: "POST tokens", handler: tokens.POST, method: "POST", fields: fieldsOf(ApiTokenInput) },
      { name: "POST setup", handler: setup.POST as AnyRoute, method: "POST", fields: fieldsOf(SetupInput) },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes).chain((route) => fc.tuple(fc.constant(route), bodyOf(route.fields))), async ([route, body]) => {
        const res = await call(route.handler, { method: route.method, token: t.admin, params: route.params?.(), body });
        expectNo500(res, `${route.name} ${JSON.stringify(body)}`);
      }),
      { numRuns: 600 },
    );
  });

  it("random query strings to every GET route get 200, 400 or 404", async () => {
    const reads: { name: string; handler: AnyRoute; params?: () => Record<string, string>; query: string[] }[] = [
      { name: "services", handler: services.GET, query: fieldsOf(ServiceListQuery) },
      { name: "services/{slug}", handler: serviceItem.GET, params: () => ({ slug: target.slug }), query: [] },
      { name: "services/{slug}/availability", handler: one.GET, params: () => ({ slug: hit[1] as string }), query: fieldsOf(AvailabilityQuery) },
      { name: "services/{slug}/availability/series", handler: oneSeries.GET, params: () => ({ slug: hit[0] as string }), query: fieldsOf(SeriesQuery) },
      { name: "services/{slug}/availability/incidents", handler: lane.GET, params: () => ({ slug: hit[0] as string }), query: fieldsOf(SeriesQuery) },
      { name: "services/{slug}/availability/changes", handler: changeMarks.GET, params: () => ({ slug: hit[0] as string }), query: fieldsOf(SeriesQuery) },
      { name: "changes", handler: changes.GET, query: fieldsOf(ChangeListQuery) },
      { name: "incidents/{id}/changes", handler: incidentChanges.GET, params: () => ({ id: target.incidentId }), query: [] },
      { name: "availability", handler: all.GET, query: fieldsOf(AvailabilityListQuery) },
      { name: "availability/series", handler: allSeries.GET, query: fieldsOf(SeriesQuery) },
      { name: "tiers", handler: tiers.GET, query: fieldsOf(TierListQuery) },
      { name: "tiers/{id}", handler: tierItem.GET, params: () => ({ id: target.tierId }), query: [] },
      { name: "incidents", handler: incidents.GET, query: fieldsOf(IncidentListQuery) },
      { name: "incidents/{id}", handler: incidentItem.GET, params: () => ({ id: target.incidentId }), query: [] },
      { name: "audit", handler: audit.GET, query: fieldsOf(AuditQuery) },
      { name: "risks", handler: risks.GET, query: fieldsOf(RiskListQuery) },
      { name: "risks/{id}", handler: riskItem.GET, params: () => ({ id: target.riskId }), query: [] },
      { name: "risks/matrix", handler: riskMatrix.GET, query: fieldsOf(RiskListQuery) },
      { name: "reviews", handler: reviewList.GET, query: [] },
      { name: "services/{slug}/probes", handler: serviceProbes.GET, params: () => ({ slug: target.slug }), query: [] },
      { name: "probes/{id}/runs", handler: probeRuns.GET, params: () => ({ id: target.probeId }), query: fieldsOf(ProbeRunsQuery) },
      { name: "services/{slug}/reconcile", handler: reconcile.GET, params: () => ({ slug: hit[1] as string }), query: fieldsOf(AvailabilityQuery) },
      { name: "reviews/{week}", handler: reviewItem.GET, params: () => ({ week: "2026-W01" }), query: fieldsOf(ReviewQuery) },
      { name: "reports/{period}", handler: reportItem.GET, params: () => ({ period: "month:2026-01" }), query: fieldsOf(ReportQuery) },
      { name: "users", handler: users.GET, query: [] },
      { name: "tokens", handler: tokens.GET, query: [] },
      { name: "settings", handler: settings.GET, query: [] },
      { name: "me", handler: me.GET, query: [] },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...reads).chain((route) => fc.tuple(fc.constant(route), queryOf([...route.query, "window", "asOf", "from", "to"]))), async ([route, path]) => {
        const res = await call(route.handler, { token: t.admin, params: route.params?.(), path });
        expectNo500(res, `GET ${route.name}${path.slice(2)}`);
        if (res.status === 200) expect(finiteNumbers(res.body), `GET ${route.name}${path.slice(2)}`).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it("incidents valid in shape but extreme in value are accepted or refused, and no read breaks after them", async () => {
    const impact = fc.record(
      { service: fc.constantFrom(...hit), fraction: fc.oneof(extremeNumber, fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e-6, 1)), startedAt: anyInstant, endedAt: anyInstant },
      { requiredKeys: ["service", "fraction"] },
    );
    const anyShape = fc.record(
      {
        title: fc.constant("Fuzzed outage"),
        severity: fc.constantFrom(...SEVERITIES),
        kind: fc.constantFrom("unplanned", "maintenance"),
        startedAt: anyInstant,
        detectedAt: anyInstant,
        resolvedAt: fc.oneof(anyInstant, fc.constant(null)),
        impacts: fc.uniqueArray(impact, { minLength: 1, maxLength: 3, selector: (i) => i.service }),
      },
      { requiredKeys: ["title", "severity", "startedAt", "impacts"] },
    );
    // Valid ones, so that most are accepted and land in the windows read next: a start in the
    // last 40 days, lasting 1 ms to centuries (or ongoing), fractions down to the smallest double.
    const DAY = 86_400_000;
    const span = fc.oneof(fc.constantFrom(1, 2, 1000, 3_600_000, 100 * 365 * DAY), fc.integer({ min: 1, max: 40 * DAY }));
    const valid = fc
      .record({
        ago: fc.integer({ min: 0, max: 40 * DAY }),
        lasts: fc.option(span, { nil: null }),
        detectAfter: fc.option(fc.constantFrom(0, 1, 60_000), { nil: null }),
        kind: fc.constantFrom("unplanned", "maintenance"),
        impacts: fc.uniqueArray(fc.record({ service: fc.constantFrom(...hit), fraction: fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e-9, 1e-6, 0.5, 1) }), { minLength: 1, maxLength: 3, selector: (i) => i.service }),
      })
      .map(({ ago, lasts, detectAfter, kind, impacts }) => {
        const start = Date.now() - ago;
        const end = lasts === null ? null : Math.min(start + lasts, Date.UTC(9999, 11, 31, 23, 59, 59, 999));
        const detected = detectAfter === null || (end !== null && start + detectAfter > end) ? null : start + detectAfter;
        return {
          title: "Fuzzed outage",
          severity: "SEV2",
          kind,
          startedAt: new Date(start).toISOString(),
          ...(detected === null ? {} : { detectedAt: new Date(detected).toISOString() }),
          resolvedAt: end === null ? null : new Date(end).toISOString(),
          impacts,
        };
      });
    const incident = fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: anyShape, weight: 1 });
    const read = fc.record({ window: fc.option(fc.oneof(windowLabel, fc.constantFrom("rolling:30d", "rolling:1h", "month:2026-11")), { nil: undefined }), asOf: fc.option(anyInstant, { nil: undefined }) }, { requiredKeys: [] });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(incident, read, async (body, q) => {
        const created = await call(incidents.POST, { method: "POST", token: t.editor, body });
        if (created.status === 201) accepted++;
        expectNo500(created, `POST incidents ${JSON.stringify(body)}`);
        const query = `/x?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][]).toString()}`;
        for (const [name, res] of [
          ["one", await call(one.GET, { token: t.viewer, params: { slug: body.impacts[0]?.service as string }, path: query })],
          ["all", await call(all.GET, { token: t.viewer, path: query })],
          ["all, by SLO window", await call(all.GET, { token: t.viewer, path: "/x" })],
          ["series", await call(allSeries.GET, { token: t.viewer, path: "/x?bucket=week&count=8" })],
        ] as const) {
          expectNo500(res, `${name} ${query} after ${JSON.stringify(body)}`);
          if (res.status === 200) expect(finiteNumbers(res.body), `${name} ${query}`).toBe(true);
          // A fleet list that names an error entry means some service could not be computed.
          if (name !== "one" && res.status === 200) expect(JSON.stringify(res.body)).not.toContain("computation_failed");
        }
      }),
      { numRuns: 80 },
    );
    // The property means something only if many of them reached the engine.
    expect(accepted).toBeGreaterThan(30);
  });

  it("random raw bytes or a body that is not JSON get 400 or 415", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", ""), async (raw, type) => {
        const res = await call(services.POST, { method: "POST", token: t.editor, rawBody: raw, headers: { "content-type": type } });
        expect([400, 409, 201, 415]).toContain(res.status);
      }),
      { numRuns: 60 },
    );
  });

  it("random path segments get 404, not 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.string({ maxLength: 300 })), async (segment) => {
        for (const [handler, params] of [
          [serviceItem.GET, { slug: segment }],
          [incidentItem.GET, { id: segment }],
          [tierItem.GET, { id: segment }],
          [tokenItem.DELETE, { id: segment }],
          [one.GET, { slug: segment }],
        ] as const) {
          const res = await call(handler as AnyRoute, { method: handler === tokenItem.DELETE ? "DELETE" : "GET", token: t.admin, params });
          expectNo500(res, `${segment}`);
        }
      }),
      { numRuns: 60 },
    );
  });
});
