import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./db-errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["pg: connection refused", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["pg: the pool's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["pg: the client's query timeout (a stalled server)", new Error("Query read timeout")],
    ["pg: the server went away", new Error("Connection terminated unexpectedly")],
    ["PostgreSQL: statement timeout", withCode("canceling statement due to statement timeout", "57014")],
    ["PostgreSQL: shutting down", withCode("terminating connection due to administrator command", "57P01")],
    ["PostgreSQL: too many connections", withCode("sorry, too many clients already", "53300")],
    ["Prisma: can't reach the server", withCode("Can't reach database server at 127.0.0.1:54400", "P1001")],
    ["Prisma: no connection from the pool in time", withCode("Transaction API error: Unable to start a transaction in the given time.", "P2028")],
    ["Prisma: the adapter's error as its cause", Object.assign(new Error("x"), { meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } })],
    ["wrapped twice", new Error("outer", { cause: new Error("inner", { cause: withCode("refused", "ECONNREFUSED") }) })],
  ])("%s → yes", (_, err) => expect(isDatabaseUnavailable(err)).toBe(true));

  it.each([
    ["a unique violation", withCode("duplicate key value violates unique constraint", "23505")],
    ["Prisma: unique constraint", withCode("Unique constraint failed", "P2002")],
    ["a check constraint", withCode("new row violates check constraint", "23514")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["not an error at all", "Query read timeout? no, a string"],
    ["a cycle of causes", (() => { const e: Error & { cause?: unknown } = new Error("a"); e.cause = e; return e; })()],
  ])("%s → no", (_, err) => expect(isDatabaseUnavailable(err)).toBe(false));
});
