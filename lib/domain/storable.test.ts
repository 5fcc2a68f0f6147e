import { describe, expect, it } from "vitest";
import { isStorableDate, nulPath } from "./storable";

describe("nulPath", () => {
  it.each([
    ["a clean string", "hello", null],
    ["a number", 42, null],
    ["null", null, null],
    ["a NUL string", "a\u0000b", ""],
    ["a clean object", { a: "x", b: [1, "y", { c: "z" }] }, null],
    ["a NUL in a field", { a: "x", b: "y\u0000" }, "b"],
    ["a NUL deep in an array", { entries: [{ v: "ok" }, { v: "\u0000" }] }, "entries.1.v"],
    ["a NUL in a key", { entries: { "K\u0000EY": "v" } }, "entries.K\\u0000EY"],
    ["an array at the top", ["ok", "no\u0000"], "1"],
  ])("%s", (_name, value, expected) => {
    expect(nulPath(value)).toBe(expected);
  });
});

describe("isStorableDate", () => {
  it.each([
    ["2026-11-25T10:00:00Z", true],
    ["0001-01-01T00:00:00Z", true],
    ["9999-12-31T23:59:59.999Z", true],
    ["0000-01-01T00:00:00Z", false],
    ["0001-01-01T00:30:00+01:00", false],
    ["-004714-01-01T00:00:00Z", false],
    ["+275760-09-13T00:00:00Z", false],
    ["not a date", false],
  ])("%s → %s", (iso, ok) => {
    expect(isStorableDate(new Date(iso))).toBe(ok);
  });
});
