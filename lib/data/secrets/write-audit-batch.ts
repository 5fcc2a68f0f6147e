import "server-only";
import type { Tx } from "@/lib/db";
import { auditEventFields, type AuditInput } from "@/lib/data/audit/write-audit";
import { requestSeal } from "@/lib/data/audit/audit-sealer";
import { requestMeta } from "@/lib/request-context";

/**
 * Many audit events in one go inside the caller's transaction (one insert per chunk, the
 * rows as one JSON parameter): a sync of thousands of secrets audits each change without
 * thousands of round trips. The sealer chains them after the commit, in id order.
 */
export async function writeAuditBatch(tx: Tx, inputs: AuditInput[], chunkSize = 1_000): Promise<void> {
  if (inputs.length === 0) return;
  const meta = await requestMeta();
  const rows = inputs.map((input) => auditEventFields(input, meta));
  for (let i = 0; i < rows.length; i += chunkSize) {
    await tx.$executeRaw`
      insert into "AuditEvent" ("createdAt", "actorId", "actorLabel", action, "targetType", "targetId", "environmentId", before, after, "requestId", ip)
      select date_trunc('milliseconds', clock_timestamp() at time zone 'UTC'), x."actorId", x."actorLabel", x.action, x."targetType", x."targetId", x."environmentId", x.before, x.after, x."requestId", x.ip
      from rows from (jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + chunkSize))}::jsonb) as ("actorId" text, "actorLabel" text, action text, "targetType" text,
           "targetId" text, "environmentId" text, before jsonb, after jsonb, "requestId" text, ip text)) with ordinality as x
      order by x.ordinality`;
  }
  requestSeal();
}
