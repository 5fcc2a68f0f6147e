import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { allows, hasScope, type Principal } from "@/lib/authz";
import { guardedMove, retryOnRace } from "./apply-transition";
import { loadForChange } from "./load-for-change";

/** Records the deploy's outcome (full access to the target, or a token with deployments:write). */
export async function finishDeploy(principal: Principal, id: string, result: "succeeded" | "failed", detail = "") {
  const tokenMay = principal.scopes !== undefined && hasScope(principal, "deployments:write");
  return retryOnRace(async () => {
    const p = await loadForChange(principal, id);
    if (!tokenMay && !allows(principal, p.toEnvironmentId, "manage")) throw new AppError("FORBIDDEN", "Recording a deploy result needs full access to the target environment.");
    if (p.state !== "deploying") throw new AppError("CONFLICT", `This promotion is ${p.state.replace(/_/g, " ")}, not deploying.`);
    return db().$transaction(async (tx) => {
      const next = await guardedMove(tx, { id: p.id, state: p.state, stateVersion: p.stateVersion, toEnvironmentId: p.toEnvironmentId, kind: p.kind }, {
        event: result === "succeeded" ? "deploy_succeeded" : "deploy_failed",
        actor: principal,
        message: `Deploy ${result}${detail ? `: ${detail}` : ""}`,
        audit: { detail },
      });
      await tx.deployment.updateMany({
        where: { promotionId: p.id, status: "in_progress" },
        data: { status: result, finishedAt: new Date(), progress: result === "succeeded" ? 100 : undefined },
      });
      return { id: next.id, state: next.state };
    });
  });
}
