// The organisation's settings are one row that every test file shares (one database, files one
// after another). A file may change them, but must leave them as it found them, so that no file's
// figures depend on which files ran before it. env.ts checks that after every file
// (`guardOrganisationSettings`); the helpers below are how a file changes them and puts them back.
import { afterAll, beforeAll } from "vitest";
import { getIntegrations } from "@/lib/server/integrations";
import { getSettings } from "@/lib/server/settings";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { rescheduleRiskReviews } from "@/lib/server/risk-schedule";
import { RiskReviewCadence } from "@/lib/schemas/stored";
import type { SettingsUpdate } from "@/lib/schemas/settings";
import { call } from "./api";
import { hasOwnDatabase } from "./database";

type Change = Omit<SettingsUpdate, "version">;

async function patchSettings(adminToken: string, change: Change): Promise<Change> {
  const settings = await import("@/app/api/v1/settings/route");
  const current = await call(settings.GET, { token: adminToken });
  const res = await call(settings.PATCH, { method: "PATCH", token: adminToken, body: { ...change, version: current.body.version } });
  if (res.status !== 200) throw new Error(`settings ${JSON.stringify(change)}: ${res.status} ${JSON.stringify(res.body)}`);
  // What the changed fields were before, to put back.
  return Object.fromEntries(Object.keys(change).map((key) => [key, current.body[key]])) as Change;
}

/** Runs `body` with the settings changed through the API, then puts back what they were, whatever happens. */
export async function withSettings<T>(adminToken: string, change: Change, body: () => Promise<T>): Promise<T> {
  const previous = await patchSettings(adminToken, change);
  try {
    return await body();
  } finally {
    await patchSettings(adminToken, previous);
  }
}

/**
 * For every test of this file: the organisation's time zone is `timeZone` (set before the first,
 * put back after the last). `adminToken` is read when the hook runs.
 */
export function timeZoneForFile(timeZone: string, adminToken: () => string): void {
  let previous: Change | undefined;
  beforeAll(async () => {
    previous = await patchSettings(adminToken(), { timeZone });
  });
  afterAll(async () => {
    if (previous) await patchSettings(adminToken(), previous);
  });
}

/** Everything a reader of the settings and the integrations sees, without the version counters. */
async function observable(): Promise<Record<string, unknown>> {
  const strip = (value: object) => Object.fromEntries(Object.entries(value).filter(([key]) => !/version$|^updatedAt$/i.test(key)));
  return { settings: strip(await getSettings()), integrations: strip(await getIntegrations()) };
}

function differences(before: Record<string, unknown>, after: Record<string, unknown>, path = ""): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((key) => {
    const [a, b] = [before[key], after[key]];
    if (a && b && typeof a === "object" && typeof b === "object") return differences(a as Record<string, unknown>, b as Record<string, unknown>, `${path}${key}.`);
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${path}${key} ${JSON.stringify(b)} (was ${JSON.stringify(a)})`];
  });
}

/**
 * Registered for every integration test file by env.ts: reads the settings before the file's
 * first test; after its last, a file that left them changed fails, naming what it changed, and
 * the row is put back as it was so the next file still starts from it.
 */
export function guardOrganisationSettings(): void {
  let before: Record<string, unknown> | undefined;
  let row: Awaited<ReturnType<typeof prisma.organizationSettings.findUnique>> = null;
  beforeAll(async () => {
    before = await observable();
    row = await prisma.organizationSettings.findUnique({ where: { id: 1 } });
  });
  afterAll(async () => {
    if (!before || !row || hasOwnDatabase()) return;
    const changed = differences(before, await observable());
    if (changed.length === 0) return;
    const { id: _id, version: _version, integrationsVersion: _integrationsVersion, updatedAt: _updatedAt, riskReviewCadence, integrations, oidc, ...values } = row;
    await prisma.$transaction(async (tx) => {
      await tx.organizationSettings.update({
        where: { id: 1 },
        data: { ...values, riskReviewCadence: riskReviewCadence ?? Prisma.DbNull, integrations: integrations ?? Prisma.DbNull, oidc: oidc ?? Prisma.DbNull, version: { increment: 1 }, integrationsVersion: { increment: 1 } },
      });
      await rescheduleRiskReviews(tx, RiskReviewCadence.read(riskReviewCadence, "The settings before this file"));
    });
    throw new Error(`This file left the organisation's settings changed: ${changed.join("; ")}. Put them back (tests/support/settings.ts: withSettings, timeZoneForFile).`);
  });
}
