import { describe, expect, it } from "vitest";
import { canonicalJson, eventHash, GENESIS_HASH, verifyChain, type ChainRow } from "./audit-chain";

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = { id: i, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)), actorId: "u1", actorLabel: "a@example.com", action: "config.update", targetType: "config", targetId: `k${i}`, environmentId: "e", before: { v: i }, after: { v: i + 1 }, requestId: null, ip: null };
    const hash = eventHash(prev, e);
    rows.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("audit hash chain", () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [1, { y: 1, x: 2 }] } })).toBe(canonicalJson({ a: { c: [1, { x: 2, y: 1 }], d: 2 }, b: 1 }));
  });
  it("an intact chain verifies", () => {
    expect(verifyChain(chain(5))).toMatchObject({ checked: 5, broken: null });
  });
  it("an edited row breaks at that row", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], after: { v: 999 } };
    expect(verifyChain(rows).broken).toEqual({ id: "3", reason: "hash_mismatch" });
  });
  it("a deleted row breaks at the next row", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows).broken).toEqual({ id: "3", reason: "prev_hash_mismatch" });
  });
  it("reordered rows break", () => {
    const rows = chain(4);
    [rows[1], rows[2]] = [rows[2], rows[1]];
    expect(verifyChain(rows).broken?.id).toBe("3");
  });
  it("an empty chain is intact", () => {
    expect(verifyChain([])).toEqual({ checked: 0, lastHash: GENESIS_HASH, broken: null });
  });
});
