// The audit trail's hash chain is built by a sealer, not by the writers.
//
// A writer inserts its event inside the transaction of the change it records (so no
// change happens without its event) and returns: writers never wait for each other.
// The sealer then takes the committed, unsealed events in id order, gives each the next
// chain position (`seq`), the previous event's hash and its own hash, in batches, under
// one advisory lock so there is only ever one sealer. Chain order is seal order: an
// event whose transaction commits late gets a later position than events sealed before
// it, which is what "the order the trail learned of it" means.
//
// The sealer runs in the portal's server process (a debounced run after every audited
// write plus a periodic sweep, `startAuditSealer`), and synchronously before the chain
// is verified or exported, and in the CLI and seeds. It takes a client, not `db()`, so
// seeds and the CLI can call it with their own connection; it imports no server-only code.
import { eventHash, GENESIS_HASH, type ChainedFields } from "../../domain/audit-chain";
import type { PrismaClient } from "../../../generated/prisma/client";

export const CHAIN_LOCK = 727_274_002;
const BATCH = 2_000;

type Client = Pick<PrismaClient, "$transaction">;

type UnsealedRow = ChainedFields & { id: bigint };

/**
 * Seals every committed, unsealed event. `wait: false` (the background default) returns
 * at once when another sealer holds the lock; `wait: true` waits for it, so when it
 * returns, everything committed before the call is sealed.
 */
export async function sealAuditChain(client: Client, o: { wait?: boolean } = {}): Promise<{ sealed: number; busy: boolean }> {
  let sealed = 0;
  for (;;) {
    const n = await client.$transaction(
      async (tx) => {
        if (o.wait) {
          await tx.$executeRaw`select pg_advisory_xact_lock(${CHAIN_LOCK})`;
        } else {
          const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as locked`;
          if (!locked) return -1;
        }
        const rows = await tx.$queryRaw<(UnsealedRow & { head_seq: bigint | null; head_hash: string | null })[]>`
          with head as (select seq, hash from "AuditEvent" where seq is not null order by seq desc limit 1)
          select e.id, e."createdAt", e."actorId", e."actorLabel", e.action, e."targetType", e."targetId", e."environmentId",
                 e.before, e.after, e."requestId", e.ip, (select seq from head) as head_seq, (select hash from head) as head_hash
          from "AuditEvent" e where e.seq is null order by e.id limit ${BATCH}`;
        if (rows.length === 0) return 0;
        let seq = rows[0].head_seq ?? BigInt(0);
        let prev = rows[0].head_hash ?? GENESIS_HASH;
        const sealedRows = rows.map((r) => {
          seq += BigInt(1);
          const hash = eventHash(prev, r);
          const row = { id: r.id.toString(), seq: seq.toString(), prevHash: prev, hash };
          prev = hash;
          return row;
        });
        await tx.$executeRaw`
          update "AuditEvent" e set seq = x.seq, "prevHash" = x."prevHash", hash = x.hash
          from jsonb_to_recordset(${JSON.stringify(sealedRows)}::jsonb) as x(id bigint, seq bigint, "prevHash" text, hash text)
          where e.id = x.id and e.seq is null`;
        return rows.length;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    if (n === -1) return { sealed, busy: true };
    sealed += n;
    if (n < BATCH) return { sealed, busy: false };
  }
}
