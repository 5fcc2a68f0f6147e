import "server-only";
import { db } from "@/lib/db";
import { GENESIS_HASH, verifyChain, type ChainRow } from "@/lib/domain/audit-chain";

const BATCH = 5_000;

/** Walks the whole chain in id order, in batches; reports the first broken link. */
export async function verifyAuditChain(): Promise<{ ok: boolean; checked: number; firstBroken: { id: string; reason: string } | null }> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let after: bigint | null = null;
  for (;;) {
    const rows: ChainRow[] = await db().auditEvent.findMany({
      where: after === null ? undefined : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, createdAt: true, actorId: true, actorLabel: true, action: true, targetType: true, targetId: true, environmentId: true, before: true, after: true, requestId: true, ip: true, prevHash: true, hash: true },
    });
    if (rows.length === 0) break;
    const result = verifyChain(rows, prev);
    checked += result.checked;
    if (result.broken) return { ok: false, checked, firstBroken: result.broken };
    prev = result.lastHash;
    after = rows[rows.length - 1].id as bigint;
    if (rows.length < BATCH) break;
  }
  return { ok: true, checked, firstBroken: null };
}
