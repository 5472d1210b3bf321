import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as items from "@/app/api/v1/action-items/route";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";

// A statement that waits this long is given up (and answered 503): short, so the test is quick.
vi.hoisted(() => {
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";
});

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

/** Runs `fn` while another session holds the incidents table: every read of it waits, then fails. */
async function whileIncidentsLocked<T>(fn: () => Promise<T>): Promise<T> {
  const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  try {
    await other.query("BEGIN");
    await other.query('LOCK TABLE "Incident" IN ACCESS EXCLUSIVE MODE');
    return await fn();
  } finally {
    await other.query("ROLLBACK");
    await other.end();
  }
}

describe("a failed read is an error, not an answer", () => {
  it("an action-item filter or link by incident whose lookup fails is a 503, not an empty list or 'No incident is…'", async () => {
    const [filtered, created] = await whileIncidentsLocked(() =>
      Promise.all([
        call(items.GET, { token: tokens.viewer, path: "/x?incident=INC-1" }),
        call(items.POST, { method: "POST", token: tokens.editor, body: { title: unique("Fix"), incident: "INC-1" } }),
      ]),
    );
    expect(filtered.status).toBe(503);
    expect(filtered.body.error).toBe("unavailable");
    expect(filtered.headers.get("retry-after")).toBe("5");
    expect(created.status).toBe(503);
    // What is only the caller's mistake stays theirs: no such incident.
    expect((await call(items.GET, { token: tokens.viewer, path: "/x?incident=INC-999999999" })).body).toMatchObject({ actionItems: [], total: 0 });
    const refused = await call(items.POST, { method: "POST", token: tokens.editor, body: { title: unique("Fix"), incident: "INC-999999999" } });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([{ path: "incident", message: "No incident is 'INC-999999999'" }]);
  });
});
