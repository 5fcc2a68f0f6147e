import "server-only";
import type { Tx } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { eventHash, GENESIS_HASH, redactSnapshot } from "@/lib/domain/audit-chain";
import { requestMeta } from "@/lib/request-context";

export const CHAIN_LOCK = 727_274_002;

export interface AuditInput {
  actor: Pick<Principal, "userId" | "email"> | { userId: null; email: string };
  action: string;
  targetType: string;
  targetId: string;
  environmentId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The chained fields of one event (secret-looking fields redacted), as both writers store them. */
export function auditEventFields(input: AuditInput, meta: { requestId: string | null; ip: string | null }, id: bigint, now: Date) {
  return {
    id,
    createdAt: now,
    actorId: input.actor.userId,
    actorLabel: input.actor.email,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    environmentId: input.environmentId ?? null,
    before: input.before === undefined ? null : redactSnapshot(input.before),
    after: input.after === undefined ? null : redactSnapshot(input.after),
    requestId: meta.requestId,
    ip: meta.ip,
  };
}

/**
 * Writes one audit event inside the caller's transaction, chained to the previous
 * one. The advisory lock serialises writers so the chain has no forks; if this
 * insert fails, the caller's change rolls back with it.
 */
export async function writeAudit(tx: Tx, input: AuditInput): Promise<void> {
  const meta = await requestMeta();
  await tx.$executeRaw`select pg_advisory_xact_lock(${CHAIN_LOCK})`;
  // The chain head, the new id and the time in one round trip, after the lock (so the
  // read sees the previous writer's commit). Ids are drawn under the lock: id order is chain order.
  const [{ prev, id, now }] = await tx.$queryRaw<{ prev: string | null; id: bigint; now: Date }[]>`
    select (select hash from "AuditEvent" order by id desc limit 1) as prev,
           nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) as id,
           date_trunc('milliseconds', clock_timestamp()) as now`;
  const prevHash = prev ?? GENESIS_HASH;
  const event = auditEventFields(input, meta, id, now);
  const hash = eventHash(prevHash, event);
  await tx.auditEvent.create({
    data: {
      ...event,
      before: event.before === null ? undefined : (event.before as object),
      after: event.after === null ? undefined : (event.after as object),
      prevHash,
      hash,
    },
  });
}
