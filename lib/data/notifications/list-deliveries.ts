import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { mayManageNotifications } from "./authorize";

/** Recent outgoing deliveries, newest first (platform only): status, attempts, last response code and error. */
export async function listNotificationDeliveries(principal: Principal, options: { limit?: number; endpointId?: string } = {}) {
  if (!mayManageNotifications(principal)) throw notFound();
  return db().notificationDelivery.findMany({
    where: options.endpointId ? { endpointId: options.endpointId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 50, 200),
    select: {
      id: true,
      event: true,
      promotionId: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
      endpoint: { select: { id: true, name: true } },
    },
  });
}

export type NotificationDeliveryRow = Awaited<ReturnType<typeof listNotificationDeliveries>>[number];
