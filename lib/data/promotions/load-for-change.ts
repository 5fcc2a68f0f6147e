import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Principal } from "@/lib/authz";
import { promotionWhere } from "./promotion-scope";

/** The facts a change needs, read fresh on every attempt; invisible and missing are the same 404. */
export async function loadForChange(principal: Principal, id: string) {
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
    },
  });
  if (!p) throw notFound("Promotion not found");
  return p;
}
