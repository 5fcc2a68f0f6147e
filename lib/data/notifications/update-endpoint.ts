import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { AppError, notFound } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { maskUrl } from "@/lib/domain/notifications";
import type { TUpdateNotificationEndpoint } from "@/lib/validations/notifications";
import { assertMayManage } from "./authorize";

/** Changes name, events, enabled and (when given) the URL (platform only); a stale version is a CONFLICT. The secret stays. */
export async function updateNotificationEndpoint(principal: Principal, input: TUpdateNotificationEndpoint) {
  assertMayManage(principal);
  return db().$transaction(async (tx) => {
    const before = await tx.notificationEndpoint.findUnique({ where: { id: input.id }, select: { name: true, url: true, events: true, enabled: true, version: true } });
    if (!before) throw notFound("Notification endpoint not found");
    const updated = await tx.notificationEndpoint.updateMany({
      where: { id: input.id, version: input.version },
      data: { name: input.name, url: input.url ?? before.url, events: input.events, enabled: input.enabled, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone else changed this endpoint meanwhile. Reload to see it.");
    const view = (e: { name: string; url: string; events: string[]; enabled: boolean }) => ({ name: e.name, url: maskUrl(e.url), events: e.events, enabled: e.enabled });
    await writeAudit(tx, {
      actor: principal,
      action: "notification_endpoint.update",
      targetType: "notification_endpoint",
      targetId: input.id,
      before: { ...view(before), version: before.version },
      after: { ...view({ ...input, url: input.url ?? before.url }), version: input.version + 1 },
    });
    return { id: input.id, version: input.version + 1 };
  });
}
