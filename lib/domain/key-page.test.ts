import { describe, expect, it } from "vitest";
import { byKey, pageByKey, type KeyPageQuery } from "./key-page";

const keys = (...names: string[]) => names.map((key) => ({ key })).sort(byKey);
const TEN = keys("A1", "A2", "B1", "B2", "C1", "LOG_LEVEL", "log.level", "port", "PORT", "z");

const CASES: { name: string; list?: { key: string }[]; query: KeyPageQuery; expect: { items: string[]; matched: number; start: number; nextAfter: string | null } }[] = [
  { name: "empty list", list: [], query: { per: 3 }, expect: { items: [], matched: 0, start: 0, nextAfter: null } },
  { name: "first page", query: { per: 3 }, expect: { items: ["A1", "A2", "B1"], matched: 10, start: 0, nextAfter: "B1" } },
  { name: "after a key", query: { per: 3, after: "B1" }, expect: { items: ["B2", "C1", "LOG_LEVEL"], matched: 10, start: 3, nextAfter: "LOG_LEVEL" } },
  { name: "after a key that does not exist (deleted meanwhile)", query: { per: 3, after: "B15" }, expect: { items: ["B2", "C1", "LOG_LEVEL"], matched: 10, start: 3, nextAfter: "LOG_LEVEL" } },
  { name: "the last page has no next cursor", query: { per: 3, after: "port" }, expect: { items: ["z"], matched: 10, start: 9, nextAfter: null } },
  { name: "a page that ends exactly at the end", query: { per: 5, after: "C1" }, expect: { items: ["LOG_LEVEL", "PORT", "log.level", "port", "z"], matched: 10, start: 5, nextAfter: null } },
  { name: "after the last key: empty", query: { per: 3, after: "zz" }, expect: { items: [], matched: 10, start: 10, nextAfter: null } },
  { name: "after the empty string: the first page", query: { per: 3, after: "" }, expect: { items: ["A1", "A2", "B1"], matched: 10, start: 0, nextAfter: "B1" } },
  { name: "filter: case-insensitive substring", query: { per: 10, q: "log" }, expect: { items: ["LOG_LEVEL", "log.level"], matched: 2, start: 0, nextAfter: null } },
  { name: "filter then page", query: { per: 1, q: "port", after: "PORT" }, expect: { items: ["port"], matched: 2, start: 1, nextAfter: null } },
  { name: "filter matching nothing", query: { per: 3, q: "nope" }, expect: { items: [], matched: 0, start: 0, nextAfter: null } },
  { name: "focus: the page holding the key, aligned as next pages are", query: { per: 3, focus: "LOG_LEVEL" }, expect: { items: ["B2", "C1", "LOG_LEVEL"], matched: 10, start: 3, nextAfter: "LOG_LEVEL" } },
  { name: "focus on a page's first key", query: { per: 3, focus: "B2" }, expect: { items: ["B2", "C1", "LOG_LEVEL"], matched: 10, start: 3, nextAfter: "LOG_LEVEL" } },
  { name: "focus is exact (case matters)", query: { per: 3, focus: "port" }, expect: { items: ["PORT", "log.level", "port"], matched: 10, start: 6, nextAfter: "port" } },
  { name: "focus on a missing key: the first page", query: { per: 3, focus: "nope" }, expect: { items: ["A1", "A2", "B1"], matched: 10, start: 0, nextAfter: "B1" } },
  { name: "after wins over focus", query: { per: 3, focus: "z", after: "A1" }, expect: { items: ["A2", "B1", "B2"], matched: 10, start: 1, nextAfter: "B2" } },
  { name: "focus inside the filtered list", query: { per: 1, q: "l", focus: "log.level" }, expect: { items: ["log.level"], matched: 2, start: 1, nextAfter: null } },
];

describe("pageByKey", () => {
  it.each(CASES)("$name", ({ list, query, expect: want }) => {
    const page = pageByKey(list ?? TEN, query);
    expect({ ...page, items: page.items.map((x) => x.key) }).toEqual(want);
  });

  it("walking next cursors visits every matching key exactly once, in order", () => {
    const many = keys(...Array.from({ length: 137 }, (_, i) => `K${String(i).padStart(3, "0")}`));
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = pageByKey(many, { per: 50, after });
      seen.push(...page.items.map((x) => x.key));
      if (!page.nextAfter) break;
      after = page.nextAfter;
    }
    expect(seen).toEqual(many.map((x) => x.key));
  });
});
