import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { promotionBody, type NotificationEvent } from "@/lib/domain/notifications";

export const publicBaseUrl = () => env.NEXTAUTH_URL ?? "http://localhost:3000";

/**
 * The outbox write: one pending delivery per enabled endpoint subscribed to `event`,
 * inside the caller's transaction, so the notification exists exactly when the change
 * it announces commits (a rolled-back transition leaves nothing to send). The sender
 * (lib/integrations/notifications/worker.ts) picks the rows up after the commit.
 */
export async function enqueuePromotionNotification(tx: Tx, input: { event: NotificationEvent; promotionId: string; actor: { email: string }; at?: Date }): Promise<number> {
  const endpoints = await tx.notificationEndpoint.findMany({ where: { enabled: true, events: { has: input.event } }, select: { id: true } });
  if (endpoints.length === 0) return 0;
  const p = await tx.promotion.findUniqueOrThrow({
    where: { id: input.promotionId },
    select: {
      id: true,
      version: true,
      kind: true,
      state: true,
      service: { select: { slug: true, name: true } },
      fromEnvironment: { select: { slug: true, name: true } },
      toEnvironment: { select: { slug: true, name: true } },
    },
  });
  const at = input.at ?? new Date();
  const body = promotionBody(input.event, { ...p, from: p.fromEnvironment, to: p.toEnvironment }, input.actor.email, at, publicBaseUrl());
  await tx.notificationDelivery.createMany({
    data: endpoints.map((e) => ({ endpointId: e.id, event: input.event, promotionId: p.id, body, createdAt: at, nextAttemptAt: at })),
  });
  return endpoints.length;
}
