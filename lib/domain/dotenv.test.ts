import { describe, expect, it } from "vitest";
import { detectFormat, parseImport, type ImportFormat } from "./dotenv";

type Expect = { entries: [string, string, number][] } | { errors: [number | null, RegExp][] };

const CASES: { name: string; format: ImportFormat; text: string; expect: Expect }[] = [
  { name: "empty .env", format: "env", text: "", expect: { entries: [] } },
  { name: "comments, blanks, export, quotes", format: "env", text: "# hi\n\nexport A=1\nB = two words # comment\nC=\"quoted # not a comment\"\nD='single'\n", expect: { entries: [["A", "1", 3], ["B", "two words", 4], ["C", "quoted # not a comment", 5], ["D", "single", 6]] } },
  { name: "multi-line double-quoted value", format: "env", text: "KEY=\"-----BEGIN\nline\n-----END\"\nNEXT=1", expect: { entries: [["KEY", "-----BEGIN\nline\n-----END", 1], ["NEXT", "1", 4]] } },
  { name: "escaped newline in double quotes", format: "env", text: 'A="a\\nb"', expect: { entries: [["A", "a\nb", 1]] } },
  { name: "empty value", format: "env", text: "A=\n", expect: { entries: [["A", "", 1]] } },
  { name: "unicode value", format: "env", text: "GREETING=héllo 🌍", expect: { entries: [["GREETING", "héllo 🌍", 1]] } },
  { name: "CRLF line endings", format: "env", text: "A=1\r\nB=2\r\n", expect: { entries: [["A", "1", 1], ["B", "2", 2]] } },
  { name: "duplicate key names both lines", format: "env", text: "A=1\nB=2\nA=3", expect: { errors: [[3, /Duplicate key "A" \(first set on line 1\)/]] } },
  { name: "invalid key name", format: "env", text: "OK=1\n1BAD=2\nHAS SPACE=3", expect: { errors: [[2, /"1BAD" is not a valid key/], [3, /Expected KEY=value|not a valid key/]] } },
  { name: "a line without =", format: "env", text: "A=1\njust words\n", expect: { errors: [[2, /Expected KEY=value/]] } },
  { name: "unterminated quote", format: "env", text: "A=1\nB=\"open\nC=2", expect: { errors: [[2, /never closes/]] } },
  { name: "binary content", format: "env", text: "A=1\nB=\u0000\u0001\u0002", expect: { errors: [[2, /looks binary/]] } },
  { name: "invalid UTF-8 (replacement char)", format: "env", text: "A=\uFFFD", expect: { errors: [[1, /looks binary/]] } },
  { name: "over 1 MB", format: "env", text: "A=" + "x".repeat(1_000_001), expect: { errors: [[null, /limit is 1 MB/]] } },
  { name: "flat JSON", format: "json", text: '{\n  "A": "1",\n  "B": 2,\n  "C": true,\n  "D": null\n}', expect: { entries: [["A", "1", 2], ["B", "2", 3], ["C", "true", 4], ["D", "", 5]] } },
  { name: "nested JSON becomes dotted keys", format: "json", text: '{"database": {"pool": {"min": 2}}}', expect: { entries: [["database.pool.min", "2", 1]] } },
  { name: "JSON duplicate key", format: "json", text: '{\n"A": "1",\n"A": "2"\n}', expect: { errors: [[3, /Duplicate key "A"/]] } },
  { name: "JSON array value", format: "json", text: '{"A": [1,2]}', expect: { errors: [[1, /must be a string/]] } },
  { name: "JSON not an object", format: "json", text: "[1]", expect: { errors: [[1, /must be an object/]] } },
  { name: "broken JSON (trailing comma)", format: "json", text: '{\n"A": 1,\n}', expect: { errors: [[3, /Not valid JSON/]] } },
  { name: "YAML nested", format: "yaml", text: "server:\n  port: 8080\n  timeout: 60000\nLOG_LEVEL: warn\n", expect: { entries: [["server.port", "8080", 2], ["server.timeout", "60000", 3], ["LOG_LEVEL", "warn", 4]] } },
  { name: "YAML duplicate key", format: "yaml", text: "A: 1\nB: 2\nA: 3\n", expect: { errors: [[3, /Duplicate key "A" \(first set on line 1\)/]] } },
  { name: "YAML list value", format: "yaml", text: "A:\n  - 1\n", expect: { errors: [[1, /not a list/]] } },
  { name: "YAML invalid key", format: "yaml", text: "ok: 1\n'bad key': 2\n", expect: { errors: [[2, /not a valid key/]] } },
];

describe("parseImport", () => {
  for (const c of CASES) {
    it(`${c.format}: ${c.name}`, () => {
      const r = parseImport(c.text, c.format);
      if ("entries" in c.expect) {
        expect(r.ok ? r.entries.map((e) => [e.key, e.value, e.line]) : r.errors).toEqual(c.expect.entries);
      } else {
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.errors.map((e) => e.line)).toEqual(c.expect.errors.map(([l]) => l));
        c.expect.errors.forEach(([, re], i) => expect(r.errors[i].message).toMatch(re));
      }
    });
  }
});

describe("detectFormat", () => {
  const cases: [string, string | undefined, ImportFormat][] = [
    ['{"A":1}', undefined, "json"],
    ["A=1", undefined, "env"],
    ["a: 1", undefined, "yaml"],
    ["whatever", "config.yml", "yaml"],
    ["whatever", ".env.production", "env"],
    ["whatever", "x.json", "json"],
  ];
  for (const [text, name, fmt] of cases) it(`${name ?? text} → ${fmt}`, () => expect(detectFormat(text, name)).toBe(fmt));
});
