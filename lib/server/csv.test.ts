import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvResponse, fromTextCell, textCell } from "./csv";
import { isDatabaseUnavailable } from "./db-errors";

describe("textCell", () => {
  it("guards what a spreadsheet would run as a formula, and reads back exactly what was written", () => {
    expect(textCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(textCell("-5% traffic")).toBe("'-5% traffic");
    expect(textCell("'=quoted")).toBe("''=quoted");
    expect(textCell("'plain")).toBe("'plain");
    expect(textCell("Checkout down")).toBe("Checkout down");
    fc.assert(fc.property(fc.string(), (s) => fromTextCell(textCell(s)) === s));
    fc.assert(fc.property(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a"), fc.string(), (start, rest) => fromTextCell(textCell(start + rest)) === start + rest));
  });
});

async function* pages(...list: (string[][] | Error)[]): AsyncGenerator<string[][]> {
  for (const page of list) {
    if (page instanceof Error) throw page;
    yield page;
  }
}

describe("csvResponse", () => {
  it("streams the header and every page, CRLF line ends, quoting what needs it", async () => {
    const res = await csvResponse("x.csv", ["a", "b"], pages([["1", "x, y"]], [], [["2", 'say "hi"\nthere']]));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="x.csv"');
    expect(await res.text()).toBe('a,b\r\n1,"x, y"\r\n2,"say ""hi""\nthere"\r\n');
  });

  it("fails before answering when the first page cannot be read, so the request gets the error contract (503 for a database away)", async () => {
    const away = Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
    const err = await csvResponse("x.csv", ["a"], pages(away)).catch((e: unknown) => e);
    expect(err).toBe(away);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it("aborts the body when a later page fails, so the download fails instead of ending short", async () => {
    const res = await csvResponse("x.csv", ["a"], pages([["1"]], new Error("connection lost")));
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });
});
