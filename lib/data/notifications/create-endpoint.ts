import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { maskUrl, newSigningSecret, secretFingerprint } from "@/lib/domain/notifications";
import type { TNotificationEndpoint } from "@/lib/validations/notifications";
import { assertMayManage } from "./authorize";

/**
 * Adds an outgoing webhook (platform only) with a new signing secret, returned here
 * once for the receiver's configuration; afterwards only its fingerprint is shown.
 */
export async function createNotificationEndpoint(principal: Principal, input: TNotificationEndpoint) {
  assertMayManage(principal);
  const secret = newSigningSecret();
  const fingerprint = secretFingerprint(secret);
  const created = await db().$transaction(async (tx) => {
    const row = await tx.notificationEndpoint.create({
      data: { name: input.name, url: input.url, secret, fingerprint, events: input.events, enabled: input.enabled, createdById: principal.userId },
      select: { id: true, name: true },
    });
    await writeAudit(tx, {
      actor: principal,
      action: "notification_endpoint.create",
      targetType: "notification_endpoint",
      targetId: row.id,
      after: { name: input.name, url: maskUrl(input.url), events: input.events, enabled: input.enabled, fingerprint },
    });
    return row;
  });
  return { id: created.id, name: created.name, secret, fingerprint };
}
