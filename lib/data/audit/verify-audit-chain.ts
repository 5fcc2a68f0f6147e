import "server-only";
import { db } from "@/lib/db";
import { verifyChain, type ChainRow } from "@/lib/domain/audit-chain";
import { sealAuditChain } from "./seal-audit-chain";

const BATCH = 5_000;

export interface ChainReport {
  ok: boolean;
  /** Sealed events checked, in chain order. */
  checked: number;
  /** Events still waiting for the sealer (transactions that had not committed when it ran). */
  unsealed: number;
  firstBroken: { id: string; seq: string | null; reason: string } | null;
}

/**
 * Seals what is committed and unsealed, then walks the whole chain in chain order (seq),
 * in batches, and reports the first broken link: an edited row breaks its own hash, a
 * deleted row breaks the next row's link, moved rows break the links where they moved.
 */
export async function verifyAuditChain(): Promise<ChainReport> {
  await sealAuditChain(db(), { wait: true });
  let prev: string | undefined;
  let checked = 0;
  let after: bigint | null = null;
  for (;;) {
    const rows: (ChainRow & { seq: bigint | null })[] = await db().auditEvent.findMany({
      where: after === null ? { seq: { not: null } } : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
      select: { id: true, seq: true, createdAt: true, actorId: true, actorLabel: true, action: true, targetType: true, targetId: true, environmentId: true, before: true, after: true, requestId: true, ip: true, prevHash: true, hash: true },
    });
    if (rows.length === 0) break;
    const result = verifyChain(rows, prev);
    if (result.broken) {
      const row = rows.find((r) => String(r.id) === result.broken!.id);
      return { ok: false, checked: checked + result.checked, unsealed: await countUnsealed(), firstBroken: { ...result.broken, seq: row?.seq?.toString() ?? null } };
    }
    checked += result.checked;
    prev = result.lastHash;
    after = rows[rows.length - 1].seq!;
    if (rows.length < BATCH) break;
  }
  return { ok: true, checked, unsealed: await countUnsealed(), firstBroken: null };
}

async function countUnsealed() {
  return db().auditEvent.count({ where: { seq: null } });
}
