import "server-only";
import type { Tx } from "@/lib/db";
import { auditEventFields, CHAIN_LOCK, type AuditInput } from "@/lib/data/audit/write-audit";
import { eventHash, GENESIS_HASH } from "@/lib/domain/audit-chain";
import { requestMeta } from "@/lib/request-context";

/**
 * Many audit events in one go inside the caller's transaction, chained exactly as
 * `writeAudit` chains one (same lock, same hash), but with one read of the chain's tip,
 * one sequence call and one insert per chunk (rows as one JSON parameter): a sync of thousands of secrets audits each change
 * without thousands of round trips.
 */
export async function writeAuditBatch(tx: Tx, inputs: AuditInput[], chunkSize = 1_000): Promise<void> {
  if (inputs.length === 0) return;
  const meta = await requestMeta();
  await tx.$executeRaw`select pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const ids = await tx.$queryRaw<{ id: bigint }[]>`select nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) as id from generate_series(1, ${inputs.length}::int)`;
  const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`select date_trunc('milliseconds', clock_timestamp()) as now`;
  const sortedIds = ids.map((r) => r.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = inputs.map((input, i) => {
    const event = auditEventFields(input, meta, sortedIds[i], now);
    const hash = eventHash(prevHash, event);
    const row = { ...event, before: event.before === null ? undefined : (event.before as object), after: event.after === null ? undefined : (event.after as object), prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize).map((r) => ({ ...r, id: r.id.toString(), before: r.before ?? null, after: r.after ?? null }));
    await tx.$executeRaw`insert into "AuditEvent" select * from json_populate_recordset(null::"AuditEvent", ${JSON.stringify(chunk)}::json)`;
  }
}
