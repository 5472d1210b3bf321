import { beforeAll, describe, expect, it, vi } from "vitest";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as webhook from "@/app/api/v1/integrations/alertmanager/route";
import { ConflictError } from "@/lib/server/errors";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";

// Someone saving the incident between the webhook's read and its write is a race a test cannot
// time; here the write loses the race the given number of times, with the error a real one raises.
const race = vi.hoisted(() => ({ lost: 0 }));
vi.mock("@/lib/server/incidents-write", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/incidents-write")>();
  return {
    ...real,
    updateIncident: async (...args: Parameters<typeof real.updateIncident>) => {
      if (race.lost > 0) {
        race.lost -= 1;
        throw ConflictError.staleVersion("incident");
      }
      return real.updateIncident(...args);
    },
  };
});

let tokens: Tokens;
let api: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  api = await makeService(tokens.editor, tokens.admin);
});

const firing = (groupKey: string, fingerprint: string, startsAt: string) => ({
  receiver: "nines",
  status: "firing",
  alerts: [{ status: "firing", labels: { alertname: "HighErrorRate", service: api, severity: "critical" }, annotations: {}, startsAt, endsAt: "0001-01-01T00:00:00Z", generatorURL: "", fingerprint }],
  groupLabels: {},
  commonLabels: {},
  commonAnnotations: {},
  externalURL: "http://alertmanager:9093",
  version: "4",
  groupKey,
  truncatedAlerts: 0,
});

describe("Alertmanager webhook against concurrent edits", () => {
  it("reports changed: false when every attempt to apply its alerts lost to another edit, and applies them when a fresh read wins", async () => {
    const body = firing(`{}:{run="${unique("g")}"}`, unique("fp"), "2026-11-24T08:00:00Z");
    const send = () => call(webhook.POST, { method: "POST", token: tokens.editor, body, path: "/api/v1/integrations/alertmanager" });
    const opened = await send();
    expect(opened.body.changed).toBe(true);
    const id = opened.body.incident.id as string;
    const read = async () => (await call(incident.GET, { token: tokens.viewer, params: { id } })).body;
    // A person moves the start; the alerts still say 08:00, so the next notification corrects it.
    const edited = await call(incident.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { version: (await read()).version, startedAt: "2026-11-24T07:50:00Z" } });
    expect(edited.status).toBe(200);

    race.lost = Number.POSITIVE_INFINITY;
    const lost = await send();
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ changed: false, incident: { id } });
    expect((await read()).startedAt).toBe("2026-11-24T07:50:00.000Z");

    race.lost = 1;
    const won = await send();
    expect(won.body).toMatchObject({ changed: true, incident: { id } });
    expect((await read()).startedAt).toBe("2026-11-24T08:00:00.000Z");
    expect((await send()).body.changed).toBe(false);
  });
});
