// The chain is sealed after commit (lib/data/audit/seal-audit-chain.ts). This file has its
// own database, so the chain is intact when it starts; the tamper test comes last.
import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { verifyAuditChain } from "@/lib/data/audit/verify-audit-chain";
import { writeAudit } from "@/lib/data/audit/write-audit";

async function makeEvents(n: number) {
  const qa = await principalFor("qa@example.com");
  for (let i = 0; i < n; i++) await testDb.$transaction((tx) => writeAudit(tx, { actor: qa, action: "test.event", targetType: "test", targetId: String(i), after: { i } }));
  return testDb.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
}

describe("audit chain sealer", () => {
  it("chains concurrent writers without making them wait, in commit order, with no fork", async () => {
    const qa = await principalFor("qa@example.com");
    const before = await testDb.auditEvent.count();
    // A slow transaction draws an id first but commits last; 12 others commit around it.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = testDb.$transaction(async (tx) => {
      await writeAudit(tx, { actor: qa, action: "test.slow", targetType: "test", targetId: "slow" });
      await gate;
    });
    await new Promise((r) => setTimeout(r, 50));
    await Promise.all(Array.from({ length: 12 }, (_, i) => testDb.$transaction((tx) => writeAudit(tx, { actor: qa, action: "test.fast", targetType: "test", targetId: String(i) }), { maxWait: 30_000 })));
    const mid = await verifyAuditChain();
    expect(mid).toMatchObject({ ok: true, unsealed: 0 });
    release();
    await slow;
    const end = await verifyAuditChain();
    expect(end).toMatchObject({ ok: true, checked: before + 13, unsealed: 0 });
    const slowRow = await testDb.auditEvent.findFirstOrThrow({ where: { action: "test.slow" }, select: { id: true, seq: true } });
    const fastMax = await testDb.auditEvent.aggregate({ where: { action: "test.fast" }, _max: { id: true, seq: true } });
    // It drew the lowest id of the burst but was sealed after every event that committed first.
    expect(slowRow.id < fastMax._max.id!).toBe(true);
    expect(slowRow.seq! > fastMax._max.seq!).toBe(true);
  });

  it("detects reordered rows: swapped ids or swapped chain positions", async () => {
    const ids = await makeEvents(3);
    await verifyAuditChain();
    const rows = await testDb.auditEvent.findMany({ where: { id: { in: ids.slice(-2).map((r) => r.id) } }, orderBy: { id: "asc" }, select: { id: true, seq: true } });
    const [a, b] = rows;
    // Swap two rows' ids: the row at a's position no longer hashes to its hash.
    await testDb.$executeRaw`update "AuditEvent" set id = -1 where id = ${a.id}`;
    await testDb.$executeRaw`update "AuditEvent" set id = ${a.id} where id = ${b.id}`;
    await testDb.$executeRaw`update "AuditEvent" set id = ${b.id} where id = -1`;
    let result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: String(a.seq), reason: "hash_mismatch" } });
    // Put the ids back, then swap the chain positions instead: the links break where the rows moved.
    await testDb.$executeRaw`update "AuditEvent" set id = -1 where id = ${a.id}`;
    await testDb.$executeRaw`update "AuditEvent" set id = ${a.id} where id = ${b.id}`;
    await testDb.$executeRaw`update "AuditEvent" set id = ${b.id} where id = -1`;
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    await testDb.$executeRaw`update "AuditEvent" set seq = -1 where id = ${a.id}`;
    await testDb.$executeRaw`update "AuditEvent" set seq = ${a.seq} where id = ${b.id}`;
    await testDb.$executeRaw`update "AuditEvent" set seq = ${b.seq} where id = ${a.id}`;
    result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, firstBroken: { id: String(b.id), seq: String(a.seq), reason: "prev_hash_mismatch" } });
  });

});
