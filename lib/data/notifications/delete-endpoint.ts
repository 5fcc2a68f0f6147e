import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { maskUrl } from "@/lib/domain/notifications";
import { assertMayManage } from "./authorize";

/** Removes an endpoint and its delivery records (platform only); pending deliveries are never sent. */
export async function deleteNotificationEndpoint(principal: Principal, id: string) {
  assertMayManage(principal);
  return db().$transaction(async (tx) => {
    const gone = await tx.notificationEndpoint.delete({ where: { id }, select: { id: true, name: true, url: true, events: true, fingerprint: true } }).catch((e: { code?: string }) => {
      if (e?.code === "P2025") throw notFound("Notification endpoint not found");
      throw e;
    });
    await writeAudit(tx, {
      actor: principal,
      action: "notification_endpoint.delete",
      targetType: "notification_endpoint",
      targetId: id,
      before: { name: gone.name, url: maskUrl(gone.url), events: gone.events, fingerprint: gone.fingerprint },
    });
    return { id };
  });
}
