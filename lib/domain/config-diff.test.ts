import { describe, expect, it } from "vitest";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { countDiff, diffConfigs } from "./config-diff";
import { overallParity, parityScore } from "./parity";
import type { EffectiveKey } from "./precedence";

const k = (key: string, value: string, layer: ConfigLayer = "env"): EffectiveKey => ({ key, value, layer, overrode: [] });

const CASES: { name: string; from: EffectiveKey[]; to: EffectiveKey[]; intended?: string[]; statuses: string[]; score: number }[] = [
  { name: "both empty", from: [], to: [], statuses: [], score: 100 },
  { name: "identical", from: [k("A", "1")], to: [k("A", "1")], statuses: ["A:identical"], score: 100 },
  { name: "key only in from is removed", from: [k("A", "1")], to: [], statuses: ["A:removed"], score: 0 },
  { name: "key only in to is added", from: [], to: [k("A", "1")], statuses: ["A:added"], score: 0 },
  { name: "changed value", from: [k("A", "1"), k("B", "x")], to: [k("A", "2"), k("B", "x")], statuses: ["A:changed", "B:identical"], score: 50 },
  { name: "same value from a different layer is identical", from: [k("A", "1", "file")], to: [k("A", "1", "env")], statuses: ["A:identical"], score: 100 },
  { name: "an intended difference counts as matching", from: [k("A", "1")], to: [], intended: ["A"], statuses: ["A:removed!"], score: 100 },
  { name: "intended never marks identical rows", from: [k("A", "1")], to: [k("A", "1")], intended: ["A"], statuses: ["A:identical"], score: 100 },
  { name: "case-only differences are two keys", from: [k("log_level", "x")], to: [k("LOG_LEVEL", "x")], statuses: ["LOG_LEVEL:added", "log_level:removed"], score: 0 },
  { name: "unicode compared exactly", from: [k("A", "café")], to: [k("A", "cafe\u0301")], statuses: ["A:changed"], score: 0 },
  { name: "1 of 3 matching rounds down to 33", from: [k("A", "1"), k("B", "1"), k("C", "1")], to: [k("A", "1"), k("B", "2")], statuses: ["A:identical", "B:changed", "C:removed"], score: 33 },
];

describe("diffConfigs + parityScore", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const rows = diffConfigs(c.from, c.to, { intended: new Set(c.intended ?? []) });
      expect(rows.map((r) => `${r.key}:${r.status}${r.intended ? "!" : ""}`)).toEqual(c.statuses);
      expect(parityScore(countDiff(rows)).score).toBe(c.score);
    });
  }

  it("compares secret references without their environment prefix", () => {
    const rows = diffConfigs([k("DB", "staging/database/password", "secret"), k("X", "production/x", "secret")], [k("DB", "production/database/password", "secret"), k("X", "production/x", "secret")], {
      fromSecretPrefix: "staging/",
      toSecretPrefix: "production/",
    });
    expect(rows.map((r) => r.status)).toEqual(["identical", "changed"]);
  });

  it("handles 500 keys with a few differences", () => {
    const from = Array.from({ length: 500 }, (_, i) => k(`K${String(i).padStart(3, "0")}`, `v${i}`));
    const to = from.map((x, i) => (i % 100 === 0 ? k(x.key, "different") : x));
    const counts = countDiff(diffConfigs(from, to));
    expect(counts).toMatchObject({ changed: 5, identical: 495, total: 500 });
    expect(parityScore(counts).score).toBe(99);
  });
});

describe("overallParity", () => {
  it("is key-weighted across services", () => {
    expect(overallParity([{ identical: 9, intended: 0, total: 10 }, { identical: 0, intended: 0, total: 0 }, { identical: 0, intended: 1, total: 2 }]).score).toBe(83);
  });
  it("is 100 with no services", () => expect(overallParity([]).score).toBe(100));
});
