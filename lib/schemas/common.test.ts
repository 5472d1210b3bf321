import { describe, expect, it } from "vitest";
import { QueryInt } from "./common";

describe("QueryInt", () => {
  const limit = QueryInt(1, 200);

  it.each([
    ["1", 1],
    ["200", 200],
    [" 42 ", 42],
  ])("reads %j as %s", (text, value) => {
    expect(limit.parse(text)).toBe(value);
  });

  it.each([
    ["", "Must be a whole number"],
    ["1e1", "Must be a whole number"],
    ["2.5", "Must be a whole number"],
    ["abc", "Must be a whole number"],
    ["0", "Must be at least 1"],
    ["-3", "Must be at least 1"],
    ["201", "Must be at most 200"],
    ["99999999999999999999", "Must be at most 200"],
  ])("refuses %j: %s", (text, message) => {
    const result = limit.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
