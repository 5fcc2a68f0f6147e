import { describe, expect, it } from "vitest";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { normalizePrecedence, resolveEffective, type LayerEntry } from "./precedence";

const e = (layer: ConfigLayer, key: string, value: string): LayerEntry => ({ layer, key, value });
const long = "x".repeat(100_000);

const CASES: { name: string; entries: LayerEntry[]; precedence?: ConfigLayer[]; expect: { key: string; value: string; layer: ConfigLayer; overrode: string[] }[] }[] = [
  { name: "no layers at all", entries: [], expect: [] },
  { name: "a key only in the default layer", entries: [e("default", "PORT", "3000")], expect: [{ key: "PORT", value: "3000", layer: "default", overrode: [] }] },
  {
    name: "default order: flag > env > secret > file > default",
    entries: [e("default", "K", "d"), e("file", "K", "f"), e("secret", "K", "s"), e("env", "K", "e"), e("flag", "K", "fl")],
    expect: [{ key: "K", value: "fl", layer: "flag", overrode: ["env:e", "secret:s", "file:f", "default:d"] }],
  },
  {
    name: "an org order where the secret manager beats env vars",
    entries: [e("env", "K", "e"), e("secret", "K", "s"), e("file", "K", "f")],
    precedence: ["flag", "secret", "env", "file", "default"],
    expect: [{ key: "K", value: "s", layer: "secret", overrode: ["env:e", "file:f"] }],
  },
  { name: "entry order does not matter", entries: [e("flag", "K", "1"), e("default", "K", "0")], expect: [{ key: "K", value: "1", layer: "flag", overrode: ["default:0"] }] },
  { name: "a tie inside one layer: the later entry wins", entries: [e("env", "K", "first"), e("env", "K", "second")], expect: [{ key: "K", value: "second", layer: "env", overrode: [] }] },
  {
    name: "keys differing only by case are different keys",
    entries: [e("env", "LOG_LEVEL", "warn"), e("file", "log_level", "debug")],
    expect: [
      { key: "LOG_LEVEL", value: "warn", layer: "env", overrode: [] },
      { key: "log_level", value: "debug", layer: "file", overrode: [] },
    ],
  },
  { name: "unicode values survive", entries: [e("file", "GREETING", "héllo 🌍 你好")], expect: [{ key: "GREETING", value: "héllo 🌍 你好", layer: "file", overrode: [] }] },
  { name: "very long values survive", entries: [e("file", "BLOB", long), e("default", "BLOB", "")], expect: [{ key: "BLOB", value: long, layer: "file", overrode: ["default:"] }] },
  { name: "an empty string still overrides", entries: [e("env", "K", ""), e("default", "K", "d")], expect: [{ key: "K", value: "", layer: "env", overrode: ["default:d"] }] },
  { name: "sorted by key", entries: [e("env", "b", "1"), e("env", "a", "2"), e("env", "B", "3")], expect: ["B", "a", "b"].map((k) => ({ key: k, value: { B: "3", a: "2", b: "1" }[k]!, layer: "env" as const, overrode: [] })) },
];

describe("resolveEffective", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const got = resolveEffective(c.entries, c.precedence).map((k) => ({ key: k.key, value: k.value, layer: k.layer, overrode: k.overrode.map((o) => `${o.layer}:${o.value}`) }));
      expect(got).toEqual(c.expect);
    });
  }

  it("resolves 500 keys across five layers", () => {
    const entries = Array.from({ length: 500 }, (_, i) => [e("default", `K${i}`, "d"), ...(i % 2 ? [e("env", `K${i}`, "e")] : [])]).flat();
    const out = resolveEffective(entries);
    expect(out).toHaveLength(500);
    expect(out.filter((k) => k.layer === "env")).toHaveLength(250);
  });
});

describe("normalizePrecedence", () => {
  const cases: [string, string[] | null, ConfigLayer[]][] = [
    ["null falls back to the default", null, ["flag", "env", "secret", "file", "default"]],
    ["a full custom order is kept", ["default", "file", "secret", "env", "flag"], ["default", "file", "secret", "env", "flag"]],
    ["repeats and unknowns are dropped, missing layers appended", ["secret", "secret", "bogus", "flag"], ["secret", "flag", "env", "file", "default"]],
  ];
  for (const [name, input, expected] of cases) it(name, () => expect(normalizePrecedence(input)).toEqual(expected));
});
