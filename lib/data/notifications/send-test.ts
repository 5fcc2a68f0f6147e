import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { PING_EVENT, pingBody } from "@/lib/domain/notifications";
import { assertMayManage } from "./authorize";

/** Queues a `ping` to one endpoint (platform only), sent and retried like any delivery; disabled endpoints too. */
export async function sendTestNotification(principal: Principal, id: string) {
  assertMayManage(principal);
  const endpoint = await db().notificationEndpoint.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!endpoint) throw notFound("Notification endpoint not found");
  const at = new Date();
  return db().$transaction(async (tx) => {
    const delivery = await tx.notificationDelivery.create({
      data: { endpointId: endpoint.id, event: PING_EVENT, body: pingBody(endpoint.name, principal.email, at), createdAt: at, nextAttemptAt: at },
      select: { id: true },
    });
    await writeAudit(tx, { actor: principal, action: "notification_endpoint.test", targetType: "notification_endpoint", targetId: endpoint.id, after: { deliveryId: delivery.id } });
    return { deliveryId: delivery.id };
  });
}
