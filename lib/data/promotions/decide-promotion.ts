import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasScope, type Principal } from "@/lib/authz";
import { loadPolicy } from "@/lib/data/policies/load-policy";
import { approvalRule, mayDecide, validApprovals } from "@/lib/domain/readiness";
import type { TDecision } from "@/lib/validations/promotions";
import { guardedMove, retryOnRace } from "./apply-transition";
import { loadForChange } from "./load-for-change";

/**
 * Approves or rejects. Only people whose role the target's policy names, never the
 * requester (unless the policy allows it). The approval row, the guarded state
 * change, the timeline event and the audit event commit together: when several
 * people decide at once exactly one change wins each round; the others re-read and
 * either record their approval on top (when more are needed) or are told, with a
 * CONFLICT, that the promotion was already decided. Nothing is recorded silently
 * and nothing is lost.
 */
export async function decidePromotion(principal: Principal, id: string, input: TDecision) {
  if (!hasScope(principal, "promotions:write")) throw new AppError("FORBIDDEN", "This token lacks the promotions:write scope.");
  return retryOnRace(async () => {
    const p = await loadForChange(principal, id);
    const policy = await loadPolicy(db(), p.toEnvironmentId);
    const verdict = mayDecide(input.decision, principal, p, policy.rules, p.approvals);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    const rule = approvalRule(p.kind, policy.rules);
    const valid = validApprovals(p.approvals).length + (input.decision === "approve" ? 1 : 0);
    const event = input.decision === "reject" ? "reject" : valid >= rule.required ? "approve_final" : "approve";
    const comment = input.comment.trim();

    return db().$transaction(async (tx) => {
      const ref = { id: p.id, state: p.state, stateVersion: p.stateVersion, toEnvironmentId: p.toEnvironmentId, kind: p.kind };
      const verb = input.decision === "approve" ? "Approved" : "Rejected";
      const next = await guardedMove(tx, ref, {
        event,
        actor: principal,
        message: `${verb} by ${principal.name}${event === "approve" ? ` (${valid} of ${rule.required})` : ""}${comment ? `: ${comment}` : ""}`,
        data: event === "approve" ? undefined : { decidedAt: new Date() },
        audit: { decision: input.decision, comment, approvals: `${valid}/${rule.required}` },
      });
      // The guard above already serialised us; the unique (promotion, user) index is a second line.
      const previous = p.approvals.find((a) => a.userId === principal.userId);
      if (previous) {
        const updated = await tx.approval.updateMany({
          where: { id: previous.id, invalidatedAt: { not: null } },
          data: { decision: input.decision, comment, invalidatedAt: null, createdAt: new Date() },
        });
        if (updated.count === 0) throw new AppError("CONFLICT", "You already recorded your decision on this promotion.");
      } else {
        await tx.approval.create({ data: { promotionId: p.id, userId: principal.userId!, decision: input.decision, comment } });
      }
      return { id: next.id, state: next.state, approvals: valid, required: rule.required };
    });
  });
}
