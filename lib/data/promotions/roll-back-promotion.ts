import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { allows, type Principal } from "@/lib/authz";
import { statesAccepting, transition } from "@/lib/domain/promotion-state";
import { guardedMove, retryOnRace } from "./apply-transition";
import { loadForChange } from "./load-for-change";

/**
 * Marks a promotion rolled back (from deploying, deployed or failed, as the state
 * machine says), with a reason. Needs full access to the target, like starting a
 * deploy and recording its result; a promotion one may not see is a 404. The deploy
 * it created follows: succeeded → rolled back, still in progress → failed. One
 * guarded transaction with the timeline event, the audit event and the notifications.
 */
export async function rollBackPromotion(principal: Principal, id: string, reason: string) {
  if (!principal.userId) throw new AppError("FORBIDDEN", "Rollbacks are recorded by people.");
  const why = reason.trim();
  if (why.length < 5) throw new AppError("UNPROCESSABLE", "Give a reason of at least 5 characters.", { reason: ["Give a reason of at least 5 characters"] });
  return retryOnRace(async () => {
    const p = await loadForChange(principal, id);
    if (!allows(principal, p.toEnvironmentId, "manage")) throw new AppError("FORBIDDEN", "Rolling back needs full access to the target environment.");
    if (!transition(p.state, "roll_back")) {
      const from = statesAccepting("roll_back").map((s) => s.replace(/_/g, " ")).join(", ");
      throw new AppError("CONFLICT", `This promotion is ${p.state.replace(/_/g, " ")}; only a promotion that is ${from} can be rolled back.`);
    }
    return db().$transaction(async (tx) => {
      const now = new Date();
      const [rolledBack, aborted] = [
        await tx.deployment.updateMany({ where: { promotionId: p.id, status: "succeeded" }, data: { status: "rolled_back" } }),
        await tx.deployment.updateMany({ where: { promotionId: p.id, status: { in: ["queued", "in_progress"] } }, data: { status: "failed", finishedAt: now } }),
      ];
      const next = await guardedMove(tx, { id: p.id, state: p.state, stateVersion: p.stateVersion, toEnvironmentId: p.toEnvironmentId, kind: p.kind }, {
        event: "roll_back",
        actor: principal,
        message: `Rolled back by ${principal.name}: ${why}`,
        audit: { reason: why, deploymentsRolledBack: rolledBack.count, deploymentsAborted: aborted.count },
      });
      return { id: next.id, state: next.state };
    });
  });
}
