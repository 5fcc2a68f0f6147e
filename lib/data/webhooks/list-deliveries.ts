import "server-only";
import { db } from "@/lib/db";
import { hasRole, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";

export interface DeliveryRow {
  id: string;
  deliveryId: string;
  event: string;
  action: string | null;
  headers: unknown;
  outcome: string;
  statusCode: number;
  error: string | null;
  deploymentId: string | null;
  receivedAt: Date;
}

/** Webhook deliveries for troubleshooting (platform only), newest first, keyset on (receivedAt, id). */
export async function listDeliveries(principal: Principal, options: { cursor?: { receivedAt: Date; id: string }; limit?: number } = {}) {
  if (!hasRole(principal, "platform")) throw notFound();
  const limit = options.limit ?? 50;
  const c = options.cursor;
  const rows: DeliveryRow[] = await db().webhookDelivery.findMany({
    where: c ? { OR: [{ receivedAt: { lt: c.receivedAt } }, { receivedAt: c.receivedAt, id: { lt: c.id } }] } : {},
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, deliveryId: true, event: true, action: true, headers: true, outcome: true, statusCode: true, error: true, deploymentId: true, receivedAt: true },
  });
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { data, nextCursor: more && last ? { receivedAt: last.receivedAt, id: last.id } : null };
}
