import "server-only";
import type { Tx } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { redactSnapshot } from "@/lib/domain/audit-chain";
import { requestMeta } from "@/lib/request-context";
import { requestSeal } from "./audit-sealer";

export { CHAIN_LOCK } from "./seal-audit-chain";

export interface AuditInput {
  actor: Pick<Principal, "userId" | "email"> | { userId: null; email: string };
  action: string;
  targetType: string;
  targetId: string;
  environmentId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The stored fields of one event (secret-looking fields redacted), as both writers store them. */
export function auditEventFields(input: AuditInput, meta: { requestId: string | null; ip: string | null }) {
  return {
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
 * Writes one audit event inside the caller's transaction: if this insert fails, the
 * caller's change rolls back with it. The event is chained (position, previous hash,
 * hash) by the sealer once the transaction has committed (seal-audit-chain.ts), so
 * concurrent writers never queue behind one another.
 */
export async function writeAudit(tx: Tx, input: AuditInput): Promise<void> {
  const event = auditEventFields(input, await requestMeta());
  await tx.$executeRaw`
    insert into "AuditEvent" ("createdAt", "actorId", "actorLabel", action, "targetType", "targetId", "environmentId", before, after, "requestId", ip)
    values (date_trunc('milliseconds', clock_timestamp() at time zone 'UTC'), ${event.actorId}, ${event.actorLabel}, ${event.action}, ${event.targetType}, ${event.targetId},
            ${event.environmentId}, ${event.before === null ? null : JSON.stringify(event.before)}::jsonb, ${event.after === null ? null : JSON.stringify(event.after)}::jsonb,
            ${event.requestId}, ${event.ip})`;
  requestSeal();
}
