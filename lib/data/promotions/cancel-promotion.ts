import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/authz";
import { transition } from "@/lib/domain/promotion-state";
import { guardedMove, retryOnRace } from "./apply-transition";
import { loadForChange } from "./load-for-change";

/** The requester withdraws their promotion before its deploy starts. */
export async function cancelPromotion(principal: Principal, id: string, reason = "") {
  return retryOnRace(async () => {
    const p = await loadForChange(principal, id);
    if (p.requestedById !== principal.userId) throw new AppError("FORBIDDEN", "Only the person who requested a promotion may cancel it.");
    if (!transition(p.state, "cancel")) throw new AppError("CONFLICT", `This promotion is ${p.state.replace(/_/g, " ")}; it can no longer be cancelled.`);
    return db().$transaction(async (tx) => {
      const next = await guardedMove(tx, { id: p.id, state: p.state, stateVersion: p.stateVersion, toEnvironmentId: p.toEnvironmentId, kind: p.kind }, {
        event: "cancel",
        actor: principal,
        message: `Cancelled by ${principal.name}${reason ? `: ${reason}` : ""}`,
        data: { decidedAt: new Date() },
        audit: { reason },
      });
      return { id: next.id, state: next.state };
    });
  });
}
