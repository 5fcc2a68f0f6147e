import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Principal } from "@/lib/authz";
import { promotionWhere } from "./promotion-scope";
import { toLoadedPolicy } from "@/lib/data/policies/load-policy";

/**
 * The facts a change needs, read fresh on every attempt in one query (relation joins):
 * the promotion, its gates and approvals, the names a notification quotes, and the
 * target's policy with its freezes that have not ended. Invisible and missing are the same 404.
 */
export async function loadForChange(principal: Principal, id: string, now = new Date()) {
  const p = await db().promotion.findFirst({
    where: { id, ...promotionWhere(principal) },
    select: {
      id: true,
      state: true,
      stateVersion: true,
      kind: true,
      toEnvironmentId: true,
      fromEnvironmentId: true,
      serviceId: true,
      version: true,
      requestedById: true,
      changeTicket: true,
      gates: { select: { id: true, gate: true, status: true } },
      approvals: { select: { id: true, userId: true, decision: true, invalidatedAt: true } },
      service: { select: { slug: true, name: true } },
      fromEnvironment: { select: { slug: true, name: true } },
      toEnvironment: {
        select: {
          slug: true,
          name: true,
          policy: true,
          freezes: { where: { endsAt: { gt: now } }, select: { startsAt: true, endsAt: true, reason: true }, orderBy: { startsAt: "asc" } },
        },
      },
    },
  });
  if (!p) throw notFound("Promotion not found");
  const { policy, freezes, ...to } = p.toEnvironment;
  return { ...p, toEnvironment: to, policy: toLoadedPolicy(p.toEnvironmentId, policy, freezes) };
}
