import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasScope, type Principal } from "@/lib/authz";
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
    const policy = p.policy;
    const verdict = mayDecide(input.decision, principal, p, policy.rules, p.approvals);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    const rule = approvalRule(p.kind, policy.rules);
    const valid = validApprovals(p.approvals).length + (input.decision === "approve" ? 1 : 0);
    const event = input.decision === "reject" ? "reject" : valid >= rule.required ? "approve_final" : "approve";
    const comment = input.comment.trim();
    // A re-decision is only allowed over an invalidated approval (mayDecide); the guard
    // below serialises us with every other change, so the row we replace is that one.
    const ref = { id: p.id, state: p.state, stateVersion: p.stateVersion, toEnvironmentId: p.toEnvironmentId, kind: p.kind };
    const verb = input.decision === "approve" ? "Approved" : "Rejected";
    // One statement: guarded move + timeline + audit + outbox + approval (apply-transition.ts).
    const next = await guardedMove(
      db(),
      ref,
      {
        event,
        actor: principal,
        message: `${verb} by ${principal.name}${event === "approve" ? ` (${valid} of ${rule.required})` : ""}${comment ? `: ${comment}` : ""}`,
        data: event === "approve" ? undefined : { decidedAt: new Date() },
        audit: { decision: input.decision, comment, approvals: `${valid}/${rule.required}` },
      },
      {
        facts: { id: p.id, version: p.version, kind: p.kind, service: p.service, from: p.fromEnvironment, to: p.toEnvironment },
        approval: { userId: principal.userId!, decision: input.decision, comment },
      },
    );
    return { id: next.id, state: next.state, approvals: valid, required: rule.required };
  });
}
